namespace IngestPipeline.Web.Pages;

/// <summary>A comment's text cut where it names users (@name), so the page can mark each name.</summary>
public static class CommentParts
{
    public sealed record Part(string Text, bool Mention);

    public static IReadOnlyList<Part> Of(string text, IReadOnlyList<string> mentions)
    {
        var parts = new List<Part>();
        int at = 0;
        while (at < text.Length)
        {
            var next = mentions.Select(m => (Name: m, Index: text.IndexOf("@" + m, at, StringComparison.OrdinalIgnoreCase)))
                .Where(x => x.Index >= 0).OrderBy(x => x.Index).FirstOrDefault();
            if (next.Name is null) break;
            if (next.Index > at) parts.Add(new Part(text[at..next.Index], false));
            parts.Add(new Part(text.Substring(next.Index, next.Name.Length + 1), true));
            at = next.Index + next.Name.Length + 1;
        }
        if (at < text.Length) parts.Add(new Part(text[at..], false));
        return parts;
    }
}
