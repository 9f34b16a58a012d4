using System.Text.RegularExpressions;
using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Pipeline.Review;

/// <summary>
/// Reviewers' comments on a document, a line of it or a flagged word, with the users they name (@name): each named
/// user sees the comment on their queue until they open the document.
/// </summary>
public sealed partial class CommentBook(PipelineDbContext db)
{
    public sealed record CommentView(long Id, Guid DocumentId, int? Page, int? Line, int? Word, string Author, DateTime CreatedAt, string Text, IReadOnlyList<string> Mentions);

    /// <summary>A comment naming a user, as their queue lists it.</summary>
    public sealed record MentionView(long CommentId, Guid DocumentId, string FileName, int? Page, int? Line, string Author, DateTime CreatedAt, string Text);

    /// <param name="users">The users that exist: an @name that is none of them is only text.</param>
    /// <exception cref="ArgumentException">The text is empty or longer than <see cref="Comment.MaxLength"/>.</exception>
    public async Task<CommentView> AddAsync(Guid documentId, int? page, int? line, int? word, string author, string text,
        IEnumerable<string> users, CancellationToken cancellation = default)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) throw new ArgumentException("A comment needs some text.", nameof(text));
        if (text.Length > Comment.MaxLength) throw new ArgumentException($"A comment is at most {Comment.MaxLength} characters; this one has {text.Length}.", nameof(text));
        var comment = new Comment
        {
            DocumentId = documentId, Page = page, Line = line, Word = line is null ? null : word,
            Author = author, CreatedAt = DateTime.UtcNow, Text = text,
        };
        comment.Mentions = MentionedIn(text, users).Where(u => u != author).Select(u => new Mention { UserName = u }).ToList();
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellation);
        return View(comment);
    }

    public async Task<IReadOnlyList<CommentView>> OfDocumentAsync(Guid documentId, CancellationToken cancellation = default) =>
        (await db.Comments.AsNoTracking().Include(c => c.Mentions).Where(c => c.DocumentId == documentId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellation)).Select(View).ToList();

    /// <summary>The comments naming <paramref name="user"/> that they have not seen yet (not opened the document since), newest first.</summary>
    public async Task<IReadOnlyList<MentionView>> UnseenByAsync(string user, int take = 20, CancellationToken cancellation = default) =>
        await (from m in db.Mentions.AsNoTracking()
               where m.UserName == user && m.SeenAt == null
               join c in db.Comments on m.CommentId equals c.Id
               join d in db.Documents on c.DocumentId equals d.Id
               orderby c.CreatedAt descending, c.Id descending
               select new MentionView(c.Id, c.DocumentId, d.FileName, c.Page, c.Line, c.Author, c.CreatedAt, c.Text))
            .Take(take).ToListAsync(cancellation);

    /// <summary>The user has opened the document: the comments naming them there are seen.</summary>
    public async Task MarkSeenAsync(string user, Guid documentId, CancellationToken cancellation = default)
    {
        var now = DateTime.UtcNow;
        await db.Mentions.Where(m => m.UserName == user && m.SeenAt == null && db.Comments.Any(c => c.Id == m.CommentId && c.DocumentId == documentId))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SeenAt, now), cancellation);
    }

    /// <summary>The users named in the text with @, each once, spelled as their account is; e-mail addresses are not names.</summary>
    public static IReadOnlyList<string> MentionedIn(string text, IEnumerable<string> users)
    {
        var known = users.ToDictionary(u => u, u => u, StringComparer.OrdinalIgnoreCase);
        return MentionPattern().Matches(text).Select(m => known.GetValueOrDefault(m.Groups[1].Value.TrimEnd('.', '-')))
            .OfType<string>().Distinct().ToList();
    }

    private static CommentView View(Comment c) =>
        new(c.Id, c.DocumentId, c.Page, c.Line, c.Word, c.Author, c.CreatedAt, c.Text, c.Mentions.Select(m => m.UserName).Order(StringComparer.Ordinal).ToList());

    // An @ that starts a word (not the middle of an address), then the name's letters, digits, dots, dashes, underscores.
    [GeneratedRegex(@"(?<![\w@])@([\w.\-]+)")]
    private static partial Regex MentionPattern();
}
