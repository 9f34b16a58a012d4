using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Infrastructure.Search;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Services.Tests;

/// <summary>
/// The search across documents on both databases, wired as the hosts wire it: SQLite's FTS5 and PostgreSQL's text
/// search must find the same documents for the same query.
/// </summary>
public sealed class SearchTests
{
    private static readonly Guid Moscow = Guid.NewGuid(), Chungking = Guid.NewGuid(), Paris = Guid.NewGuid(), Berlin = Guid.NewGuid();

    public static TheoryData<string> Databases => ["sqlite", "postgres"];

    [Theory, MemberData(nameof(Databases))]
    public async Task Words_find_the_cables_that_hold_them_and_the_snippet_marks_them(string database)
    {
        await using var state = await SearchedState.StartAsync(database);

        var found = await state.SearchAsync(new SearchQuery("welcome SOVIET"));

        Assert.Equal(new HashSet<Guid> { Chungking, Moscow }, found.Hits.Select(h => h.DocumentId).ToHashSet());
        Assert.Equal(2, found.Total);
        foreach (var hit in found.Hits)
        {
            var marked = hit.Snippet.Where(p => p.Hit).Select(p => p.Text.ToLowerInvariant()).ToHashSet();
            Assert.Contains("welcome", marked);
            Assert.Contains("soviet", marked);
            Assert.All(hit.Snippet.Where(p => !p.Hit), p => Assert.DoesNotContain("\uE000", p.Text));
        }
        var molotov = Assert.Single((await state.SearchAsync(new SearchQuery("molotov"))).Hits);
        Assert.Equal((Moscow, "HARRIMAN", "1944-05-02"), (molotov.DocumentId, molotov.Sender, molotov.Dated));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task Phrases_exclusions_and_alternatives_mean_the_same_on_both_databases(string database)
    {
        await using var state = await SearchedState.StartAsync(database);

        Assert.Equal([Chungking], await state.FoundAsync("\"soviet ambassador\""));
        Assert.Empty(await state.FoundAsync("\"ambassador soviet\""));
        Assert.Equal([Moscow], await state.FoundAsync("soviet -railway"));
        Assert.Equal(new HashSet<Guid> { Moscow, Paris }, (await state.FoundAsync("Daladier or Molotov")).ToHashSet());
        Assert.Equal([Chungking], await state.FoundAsync("chungking"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task Metadata_narrows_a_search_with_words_or_without(string database)
    {
        await using var state = await SearchedState.StartAsync(database);

        Assert.Equal([Moscow, Chungking], await state.FoundAsync(null, from: "1944-01-01"));
        Assert.Equal([Paris, Moscow], await state.FoundAsync(null, to: "1944-05-02"));
        Assert.Equal([Chungking], await state.FoundAsync(null, sender: "gauss"));
        Assert.Equal([Paris, Chungking], await state.FoundAsync(null, recipient: "president"));
        Assert.Equal([Moscow], await state.FoundAsync(null, classification: "secret"));
        Assert.Equal([Paris], await state.FoundAsync(null, collection: "france"));
        Assert.Equal([Chungking], await state.FoundAsync("welcome", recipient: "President"));
        Assert.Empty(await state.FoundAsync("welcome", collection: "france"));

        var firstOfTwo = await state.SearchAsync(new SearchQuery("welcome", Take: 1));
        Assert.Equal((2, 1), (firstOfTwo.Total, firstOfTwo.Hits.Count));
        var secondOfTwo = await state.SearchAsync(new SearchQuery("welcome", Skip: 1, Take: 1));
        Assert.NotEqual(firstOfTwo.Hits[0].DocumentId, Assert.Single(secondOfTwo.Hits).DocumentId);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task The_index_follows_every_change_of_a_document_and_its_deletion(string database)
    {
        await using var state = await SearchedState.StartAsync(database);
        Assert.Empty(await state.FoundAsync("Ribbentrop"));

        await state.ChangeAsync(async db =>
        {
            var moscow = await db.Documents.SingleAsync(d => d.Id == Moscow);
            moscow.Text = moscow.Text!.Replace("Molotov", "Vyshinsky");
            var berlin = await db.Documents.SingleAsync(d => d.Id == Berlin);
            berlin.Text = "Ribbentrop received the Ambassador at noon.";
            db.Documents.Remove(await db.Documents.SingleAsync(d => d.Id == Chungking));
        });

        Assert.Empty(await state.FoundAsync("molotov"));
        Assert.Equal([Moscow], await state.FoundAsync("vyshinsky"));
        Assert.Equal([Berlin], await state.FoundAsync("ribbentrop"));
        Assert.Empty(await state.FoundAsync("generalissimo"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task Whatever_the_reader_types_is_a_query_and_never_an_error(string database)
    {
        await using var state = await SearchedState.StartAsync(database);

        foreach (var typed in new[] { "NEAR(molotov", "\"unclosed phrase", "*", "AND OR NOT", "-", "--", "\"\"", "col:molotov", "molotov^2", "o'clock", "(", "-molotov", "or" })
        {
            var found = await state.SearchAsync(new SearchQuery(typed));
            Assert.True(found.Total >= 0, typed);
        }
        Assert.Equal([Moscow], await state.FoundAsync("(molotov)"));
    }

    /// <summary>A database of either kind, migrated as the hosts migrate it, holding four cables.</summary>
    private sealed class SearchedState : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private SearchedState(ServiceProvider services) => _services = services;

        public static async Task<SearchedState> StartAsync(string database)
        {
            var settings = new Dictionary<string, string?> { ["Pipeline:DataDirectory"] = Repository.NewTempDirectory() };
            if (database == "postgres")
            {
                settings["Pipeline:Database:Provider"] = "Postgres";
                settings["Pipeline:Database:ConnectionString"] = ServiceEnvironment.PostgresDatabase(ServiceEnvironment.NewRunName());
            }
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPipelineState(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            var provider = services.BuildServiceProvider();
            await provider.PreparePipelineStateAsync();
            var state = new SearchedState(provider);
            await state.ChangeAsync(db =>
            {
                db.Documents.AddRange(
                    Cable(Moscow, "moscow-1944-05.tif", "state-1944", "1944-05-02", "HARRIMAN", "SECRETARY OF STATE", "SECRET", """
                        TELEGRAM RECEIVED
                        FROM: Moscow
                        Molotov told me tonight that the Soviet Government would welcome the proposal on the
                        frontier and would answer within the week.
                        HARRIMAN
                        """),
                    Cable(Chungking, "gauss-1944-06.tif", "state-1944", "1944-06-15", "GAUSS", "SECRETARY OF STATE; THE PRESIDENT", "CONFIDENTIAL", """
                        The Generalissimo told me this morning that he would welcome an early meeting with the Soviet
                        Ambassador to discuss the railway question and the future of the port of Chungking.
                        GAUSS
                        """),
                    Cable(Paris, "paris-1939-09.tif", "france", "1939-09-03", "BULLITT", "THE PRESIDENT", null, """
                        Daladier m'a dit ce matin que le gouvernement français avait déclaré la guerre à midi.
                        BULLITT
                        """),
                    Cable(Berlin, "berlin-1938.tif", "state-1938", null, null, null, null, null));
                return Task.CompletedTask;
            });
            return state;
        }

        public async Task<SearchResults> SearchAsync(SearchQuery query)
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IDocumentSearch>().SearchAsync(query);
        }

        /// <summary>The documents found, in the order of the results.</summary>
        public async Task<IReadOnlyList<Guid>> FoundAsync(string? text, string? collection = null, string? from = null, string? to = null,
            string? sender = null, string? recipient = null, string? classification = null) =>
            (await SearchAsync(new SearchQuery(text, collection, from, to, sender, recipient, classification))).Hits.Select(h => h.DocumentId).ToList();

        public async Task ChangeAsync(Func<PipelineDbContext, Task> change)
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            await change(db);
            await db.SaveChangesAsync();
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();

        private static Document Cable(Guid id, string file, string collection, string? dated, string? sender, string? recipients, string? classification, string? text) => new()
        {
            Id = id, Sha256 = id.ToString("N") + id.ToString("N"), FileName = file, Collection = collection, Dated = dated, Sender = sender,
            Recipients = recipients, Classification = classification, Text = text, Subject = text?.Split('\n')[0],
            Stage = text is null ? DocumentStage.Recognizing : DocumentStage.AwaitingReview, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, StageChangedAt = DateTime.UtcNow,
        };
    }
}
