using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Illegibility.Reviewed;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>A collection's reviewed pages as training data, trees grown on from a model, and the figures before and after.</summary>
public sealed class CollectionRetrainingTests
{
    private static readonly Lexicon Words = new(["the", "report", "was", "sent", "today", "and", "we", "agree", "from"]);

    [Fact]
    public void Trees_grown_on_from_a_model_keep_its_trees_and_correct_it_where_the_new_cases_differ()
    {
        // The start learned "unreadable below 30"; the collection's cases say so only below 15 (its faint type is read).
        var start = Grow(30, null);
        var grown = Grow(15, start);

        Assert.Equal(start.Trees.Count + 50, grown.Trees.Count);
        Assert.True(start.Probability([22, 0]) > 0.8);
        Assert.True(grown.Probability([22, 0]) < 0.2);
        Assert.True(grown.Probability([5, 0]) > 0.8);
        Assert.True(grown.Probability([80, 0]) < 0.2);
    }

    private static BoostedTrees Grow(int below, BoostedTrees? start)
    {
        var cases = Enumerable.Range(0, 2000).Select(i => new float[] { i % 100, i % 13 }).ToList();
        return TreeTrainer.Train(cases, cases.Select(c => c[0] < below).ToList(), new TreeSettings { Trees = 50 }, start);
    }

    [Fact]
    public void Candidates_on_a_marker_the_reviewer_kept_are_unreadable_and_those_on_a_marker_they_replaced_legible()
    {
        var raw = Cable("Qwartz", 20);
        // The reviewer kept the garbage as [ILLEGIBLE] and read the name.
        var approved = Approve(raw);

        var cases = ReviewedEvidence.Cases("doc", raw, approved, Words, CleanupOptions.Default).Where(c => c.Candidate.Kind == CandidateKind.Word).ToList();

        Assert.True(Assert.Single(cases, c => c.Candidate.Word!.Text == "#e@%").Unreadable);
        Assert.False(Assert.Single(cases, c => c.Candidate.Word!.Text == "Qwartz").Unreadable);
        Assert.Equal(1, cases.Count(c => c.Unreadable));
        Assert.All(cases, c => Assert.Equal("doc", c.Page));
    }

    [Fact]
    public void Marker_figures_count_right_and_false_markers_and_the_approved_ones_found()
    {
        var raw = Cable("Qwartz", 20);
        var approved = Approve(raw);
        // A decision that marks the garbage and the name: one right, one false; the reviewer's one marker found.
        var decided = raw with
        {
            Blocks = raw.Blocks.Select(b => b with
            {
                Lines = b.Lines.Select(l => l with { Words = l.Words.Select(w => w.Confidence < 50 ? Word.Illegible(w.Box, "", w.Confidence) : w).ToList() }).ToList(),
            }).ToList(),
        };

        var figures = MarkerFigures.Of(decided, approved) + MarkerFigures.Of(approved, approved);

        Assert.Equal(new MarkerFigures(2, 3, 2, 2, 2), figures);
        Assert.Equal(1, figures.FalseMarkers);
        Assert.Equal(2 / 3.0, figures.Precision);
        Assert.Equal(1.0, figures.Recall);
        Assert.Equal(1, figures.MarkerCorrections);
    }

    [Theory]
    [InlineData(6, 13, 2, 12, true)] // four false markers fewer for one approved marker missed
    [InlineData(0, 25, 1, 25, false)] // one false marker more
    [InlineData(2, 12, 1, 11, true)] // as many to change, fewer of them false
    [InlineData(1, 11, 2, 12, false)] // as many to change, more of them false
    [InlineData(2, 12, 2, 12, false)] // the same
    public void A_decision_beats_another_when_it_leaves_reviewers_fewer_markers_to_change(int falseBefore, int foundBefore, int falseAfter, int foundAfter, bool beats)
    {
        const int spans = 30;
        var before = new MarkerFigures(20, foundBefore + falseBefore, foundBefore, spans, foundBefore);
        var after = new MarkerFigures(20, foundAfter + falseAfter, foundAfter, spans, foundAfter);
        Assert.Equal(beats, after.Beats(before));
    }

    [Fact]
    public void Retraining_on_reviewed_documents_stops_the_false_markers_on_the_collections_name_and_keeps_the_true_ones()
    {
        var start = GarbageModel();
        var current = CleanupOptions.Default with { Model = start, IllegibleThreshold = 0.5 };
        // The start model takes the collection's place name, read unsurely, for damage: reviewers replaced those markers.
        var documents = Enumerable.Range(0, 24).Select(i =>
        {
            var raw = Cable("Qwartz", 20 + i % 3) with { Number = 1 };
            return new ReviewedDocument($"doc{i}", [raw], [Approve(raw)]);
        }).ToList();

        var retrained = CollectionRetraining.Retrain("telegrams", documents, start, current, Words, targetPrecision: 0.9);

        Assert.Equal(24, retrained.Documents);
        Assert.Equal(24, retrained.UnreadableCases);
        Assert.Equal(24, retrained.Before.FalseMarkers);
        Assert.Equal(24, retrained.Before.FoundSpans);
        Assert.Equal(0, retrained.After.FalseMarkers);
        Assert.Equal(24, retrained.After.FoundSpans);
        Assert.StartsWith($"from {start.Version}", retrained.Model.Training.Settings);
        Assert.NotEqual(start.Version, retrained.Model.Version);
        // The same documents and seed train the same model.
        Assert.Equal(retrained.Model.Version, CollectionRetraining.Retrain("telegrams", documents, start, current, Words, 0.9).Model.Version);
        var error = Assert.Throws<ArgumentException>(() => CollectionRetraining.Retrain("telegrams", documents.Take(3).ToList(), start, current, Words, 0.9));
        Assert.Contains("\"telegrams\" has 3 approved documents", error.Message);
    }

    /// <summary>A page whose first line holds a name and whose second a garbage word, both read unsurely.</summary>
    private static Page Cable(string name, float confidence) =>
        OnePage(Block(
            LineAt(200, ("the", 95f), ("report", 95f), ("was", 95f), ("sent", 95f), ("from", 95f), (name, confidence), ("today", 95f)),
            LineAt(250, ("and", 95f), ("#e@%", 20f), ("we", 95f), ("agree", 95f)))).Pages[0];

    /// <summary>What a reviewer approves of <see cref="Cable"/>: the garbage as [ILLEGIBLE], the rest as read.</summary>
    private static Page Approve(Page raw) => raw with
    {
        Blocks = raw.Blocks.Select(b => b with
        {
            Lines = b.Lines.Select(l => l with { Words = l.Words.Select(w => w.Text == "#e@%" ? Word.Illegible(w.Box, "", w.Confidence) : w).ToList() }).ToList(),
        }).ToList(),
    };

    /// <summary>A model that learned low confidence off the lexicon as unreadable: garbage and names alike.</summary>
    private static IllegibilityModel GarbageModel()
    {
        var candidates = CandidateFinder.Find(Cable("Qwartz", 20), Words, IllegibilityOptions.Default, null);
        var cases = new List<TrainingCase>();
        for (int copy = 0; copy < 60; copy++)
            cases.AddRange(candidates.Select(c => new TrainingCase($"page{copy}", c, c.Word?.Confidence < 50)));
        var stretch = new UnreadableCandidate(CandidateKind.Stretch, 0, 0, new BoundingBox(0, 0, 10, 10), new float[CandidateFeatures.StretchNames.Count]) { Source = StretchSource.BetweenWords };
        for (int copy = 0; copy < 60; copy++)
            cases.Add(new TrainingCase($"page{copy}", stretch, copy % 2 == 0));
        return IllegibilityTrainer.Train(cases, ["test"], 1, new TreeSettings { Trees = 20, MinLeafCases = 5 }, 0.9, IllegibilityTrainer.RuleStretches).Model;
    }
}
