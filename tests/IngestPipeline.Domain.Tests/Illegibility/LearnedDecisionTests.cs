using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>The learned [ILLEGIBLE] decision: trees, calibration, the model file, and marking a page with it.</summary>
public sealed class LearnedDecisionTests
{
    private static readonly Lexicon Words = new(["the", "report", "was", "sent", "today", "and", "we", "agree"]);

    /// <summary>Cases of one measure, unreadable below 30, but every tenth value (0, 10, 20, ...) labelled the other way: noise.</summary>
    private static (List<float[]> Cases, List<bool> Labels) Threshold30()
    {
        var cases = new List<float[]>();
        var labels = new List<bool>();
        for (int i = 0; i < 2000; i++)
        {
            float x = i % 100;
            cases.Add([x, (i * 7919) % 13]);
            labels.Add((x < 30) != (i % 10 == 0));
        }
        return (cases, labels);
    }

    [Fact]
    public void Boosted_trees_learn_a_threshold_and_grow_the_same_trees_from_the_same_cases()
    {
        var (cases, labels) = Threshold30();
        var settings = new TreeSettings { Trees = 50 };
        var trees = TreeTrainer.Train(cases, labels, settings);

        Assert.True(trees.Margin([15, 0]) > 1);
        Assert.True(trees.Margin([85, 0]) < -1);
        var again = TreeTrainer.Train(cases, labels, settings);
        Assert.Equal(trees.Trees.SelectMany(t => t.Value), again.Trees.SelectMany(t => t.Value));
        Assert.Equal(trees.Trees.SelectMany(t => t.Threshold), again.Trees.SelectMany(t => t.Threshold));
    }

    [Fact]
    public void Platt_scaling_recovers_the_map_that_made_the_labels()
    {
        // Labels drawn with p = 1 / (1 + e^-(2m - 1)) by a fixed sequence: the fit finds a slope near 2 and an offset near -1.
        var random = new Random(5);
        var margins = Enumerable.Range(0, 20000).Select(_ => random.NextDouble() * 8 - 4).ToList();
        var labels = margins.Select(m => random.NextDouble() < 1 / (1 + Math.Exp(-(2 * m - 1)))).ToList();

        var fit = PlattScaling.Fit(margins, labels);

        Assert.InRange(fit.A, 1.8, 2.2);
        Assert.InRange(fit.B, -1.2, -0.8);
    }

    [Fact]
    public void Pages_of_only_legible_text_teach_the_trees_but_do_not_pull_the_calibration_down()
    {
        // Damaged pages: a word is lost where its measure is under 30. Transcribed scans: as many words under 30, all legible.
        List<TrainingCase> Cases(bool scansCalibrate)
        {
            var cases = new List<TrainingCase>();
            for (int i = 0; i < 4000; i++)
            {
                bool scan = i % 2 == 1;
                float x = (i * 37) % 100;
                var word = new UnreadableCandidate(CandidateKind.Word, 0, 0, new BoundingBox(0, 0, 10, 10), [x, i % 7]);
                var stretch = new UnreadableCandidate(CandidateKind.Stretch, 0, 0, new BoundingBox(0, 0, 10, 10), [x, i % 7]) { Source = StretchSource.BetweenWords };
                foreach (var c in new[] { word, stretch })
                    cases.Add(new TrainingCase($"{(scan ? "scan" : "page")}{i % 40}", c, !scan && x < 30, Calibrates: !scan || scansCalibrate));
            }
            return cases;
        }
        var settings = new TreeSettings { Trees = 30, MinLeafCases = 5 };
        var word = new UnreadableCandidate(CandidateKind.Word, 0, 0, new BoundingBox(0, 0, 10, 10), [15, 3]);

        var apart = IllegibilityTrainer.Train(Cases(scansCalibrate: false), ["test"], 1, settings, 0.9, IllegibilityTrainer.RuleStretches).Model;
        var mixed = IllegibilityTrainer.Train(Cases(scansCalibrate: true), ["test"], 1, settings, 0.9, IllegibilityTrainer.RuleStretches).Model;

        // On a damaged page a word under 30 is lost every time; on the mix, half the time.
        Assert.True(apart.Probability(word) > 0.8, $"{apart.Probability(word):0.00}");
        Assert.InRange(mixed.Probability(word), 0.3, 0.7);
    }

    [Fact]
    public void Held_out_scores_that_rank_the_unreadable_lower_keep_the_trees_own_odds_rather_than_turn_them_over()
    {
        // Three unreadable cases among legible ones, all scored lower than most legible cases: no increasing map fits.
        var margins = new List<double> { -3, -2.5, -2, 0, 1, 1.5, 2, 2.5, 3, 3.5 };
        var labels = new List<bool> { true, true, true, false, false, false, false, false, false, false };

        var fit = PlattScaling.Fit(margins, labels);

        Assert.Equal(PlattScaling.Identity, fit);
        Assert.True(fit.Probability(3) > fit.Probability(-3));
    }

    [Fact]
    public void The_threshold_is_the_lowest_probability_at_which_the_cases_reach_the_precision()
    {
        var cases = new List<(double, bool)> { (0.95, true), (0.9, true), (0.8, false), (0.7, true), (0.6, true), (0.5, false), (0.4, false), (0.3, true) };

        // From 0.6 down: 4 right of 5 = 0.8; from 0.3: 5 of 8.
        Assert.Equal(0.6, IllegibilityTrainer.ThresholdFor(cases, 0.8));
        Assert.Equal(0.9, IllegibilityTrainer.ThresholdFor(cases, 0.95));
    }

    /// <summary>A page whose line holds a garbage word read unsurely among words of the lexicon.</summary>
    private static Page GarbagePage() =>
        OnePage(Block(
            LineAt(200, ("the", 95f), ("report", 95f), ("was", 95f), ("sent", 95f), ("today", 95f)),
            LineAt(250, ("and", 95f), ("#e@%", 20f), ("we", 95f), ("agree", 95f)))).Pages[0];

    /// <summary>
    /// A model trained on the candidates of pages like <see cref="GarbagePage"/>: garbage unreadable, words legible; deciding
    /// the stretches of <paramref name="stretches"/> (by default those the rules were given).
    /// </summary>
    private static IllegibilityModel GarbageModel(IReadOnlySet<StretchSource>? stretches = null)
    {
        stretches ??= IllegibilityTrainer.RuleStretches;
        var page = GarbagePage();
        var candidates = CandidateFinder.Find(page, Words, IllegibilityOptions.Default, null);
        var cases = new List<TrainingCase>();
        for (int copy = 0; copy < 60; copy++)
            cases.AddRange(candidates.Select(c => new TrainingCase($"page{copy}", c, c.Word?.Text == "#e@%")));
        // A stretch case of each label, so that both decisions have something to learn.
        var stretch = new UnreadableCandidate(CandidateKind.Stretch, 0, 0, new BoundingBox(0, 0, 10, 10), new float[CandidateFeatures.StretchNames.Count]) { Source = stretches.Count == 0 ? StretchSource.BetweenWords : stretches.Min() };
        for (int copy = 0; copy < 60; copy++)
            cases.Add(new TrainingCase($"page{copy}", stretch, copy % 2 == 0));
        return IllegibilityTrainer.Train(cases, ["test"], 1, new TreeSettings { Trees = 20, MinLeafCases = 5 }, 0.9, stretches).Model;
    }

    [Fact]
    public void A_lone_mark_a_character_wide_is_never_lost_words_however_sure_the_model()
    {
        // At threshold 0 every word the model decides is a marker, but a full stop standing alone is punctuation (a French
        // typist's "mot ." or a speck): the rules never take it for lost words, and neither does the learned decision.
        var page = OnePage(Block(
            LineAt(200, ("the", 95f), ("report", 95f), ("was", 95f), ("sent", 95f), ("today", 95f)),
            LineAt(250, ("and", 95f), ("we", 95f), ("agree", 95f), (".", 95f)))).Pages[0];

        var cleaned = TranscriptCleaner.Clean(new Transcript("one.png", [page]), Words, CleanupOptions.Default with { Model = GarbageModel(), IllegibleThreshold = 0 });

        Assert.Equal("[ILLEGIBLE] .", cleaned.Pages[0].Lines.Last().Text);
    }

    [Fact]
    public void The_layouts_gaps_a_model_does_not_decide_are_weighed_by_the_hand_rules()
    {
        // Blank paper ten characters wide after a lower-case word mid-sentence: the rules take it for a faded word.
        var lexicon = new Lexicon(["the ships left from the port of Dalian in the morning", "report sent today and we agree"]);
        var typed = new InkMeasure(120, 0.3f);
        Word At(string text, int left, int top) => new(text, new BoundingBox(left, top, left + 30 * text.Length, top + 40), 95) { Ink = typed };
        var sure = new Line(new BoundingBox(100, 500, 2300, 540), Enumerable.Range(0, 8).Select(i => At("morning", 100 + i * 250, 500)).ToList());
        var broken = new Line(new BoundingBox(100, 1000, 1630, 1040), [At("the", 100, 1000), At("ships", 220, 1000), At("left", 400, 1000), At("Dalian", 1450, 1000)]);
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 500, 2300, 1040), [sure, broken])], new PageProcessing(0, 0, [])) { TextGaps = [gap] };
        string Cleaned(IllegibilityModel model, out Word? marker)
        {
            var line = TranscriptCleaner.Clean(new Transcript("gap.png", [page]), lexicon, CleanupOptions.Default with { Model = model, IllegibleThreshold = 0.5 })
                .Pages[0].Lines.ElementAt(1);
            marker = line.Words.FirstOrDefault(w => w.IsIllegible);
            return line.Text;
        }

        // A model deciding words alone (trained with no kind of stretch, as the one shipped): the rules mark the gap,
        // and their marker has no probability.
        var wordsAlone = GarbageModel(new HashSet<StretchSource>());
        Assert.Empty(wordsAlone.GapSources);
        Assert.Empty(wordsAlone.Stretches.Trees);
        Assert.DoesNotContain(CandidateFinder.Find(page, lexicon, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default)), c => c.Kind == CandidateKind.Stretch && wordsAlone.Decides(c));
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Cleaned(wordsAlone, out var ruled));
        Assert.Null(ruled!.IllegibleProbability);
        // A model deciding the stretches between words weighs the gap itself: the rules leave it alone.
        var betweenWords = GarbageModel();
        Assert.Equal([GapSource.Layout], betweenWords.GapSources);
        Assert.Contains(CandidateFinder.Find(page, lexicon, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default)), c => c.Kind == CandidateKind.Stretch && betweenWords.Decides(c));
        Cleaned(betweenWords, out var learned);
        Assert.True(learned is null || learned.IllegibleProbability is not null);
    }

    [Fact]
    public void With_a_model_the_hand_rule_still_marks_a_tear_it_finds_better_than_the_model_does()
    {
        // Two full lines set the right margin near x = 1700; the middle one stops at 900 where the paper is torn away.
        var full = Enumerable.Range(0, 8).Select(i => new Word("report", new BoundingBox(100 + i * 200, 0, 250 + i * 200, 40), 95)).ToList();
        Line At(int top, IEnumerable<Word> words) => new(BoundingBox.Union(words.Select(w => w.Box with { Top = top, Bottom = top + 40 })),
            words.Select(w => w with { Box = w.Box with { Top = top, Bottom = top + 40 } }).ToList());
        var tear = new DarkRegion(new BoundingBox(920, 45, 2550, 95), [new BoundingBox(920, 45, 2550, 95)]);
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 0, 1700, 140), [At(0, full), At(50, full.Take(4)), At(100, full)])],
            new PageProcessing(0, 0, [])) { DarkRegions = [tear] };

        var cleaned = TranscriptCleaner.Clean(new Transcript("torn.png", [page]), Words, CleanupOptions.Default with { Model = GarbageModel(), IllegibleThreshold = 0.5 });

        var torn = cleaned.Pages[0].Lines.ElementAt(1);
        Assert.Equal("report report report report [ILLEGIBLE]", torn.Text);
        Assert.Null(torn.Words[^1].IllegibleProbability); // the rule's marker: no probability to show
    }

    [Fact]
    public void The_model_marks_the_unreadable_word_with_its_probability_and_the_transcript_names_the_model()
    {
        var model = GarbageModel();
        var options = CleanupOptions.Default with { Model = model, IllegibleThreshold = 0.5 };

        var cleaned = TranscriptCleaner.Clean(new Transcript("one.png", [GarbagePage()]), Words, options);

        var line = cleaned.Pages[0].Lines.Last();
        Assert.Equal("and [ILLEGIBLE] we agree", line.Text);
        Assert.InRange(line.Words[1].IllegibleProbability!.Value, 0.5f, 1f);
        Assert.Equal(model.Version, cleaned.IllegibilityModel);
        var read = JsonExporter.Read(JsonExporter.Write(cleaned));
        Assert.Equal(model.Version, read.IllegibilityModel);
        Assert.Equal(line.Words[1].IllegibleProbability, read.Pages[0].Lines.Last().Words[1].IllegibleProbability);
        Assert.Equal("the report was sent today", cleaned.Pages[0].Lines.First().Text);
    }

    [Fact]
    public void A_model_file_reads_back_with_its_version_and_an_edited_one_is_refused()
    {
        var model = GarbageModel();
        var json = model.ToJson();
        var read = IllegibilityModel.FromJson(json, "model.json");
        Assert.Equal(model.Version, read.Version);
        var candidate = CandidateFinder.Find(GarbagePage(), Words, IllegibilityOptions.Default, null)[0];
        Assert.Equal(model.Probability(candidate), read.Probability(candidate));

        // Leaf values changed by hand: still a model file in form, but not the version it names.
        var edited = json.Replace("\"v\":[", "\"v\":[0.5,", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => IllegibilityModel.FromJson(edited, "model.json"));
        Assert.Contains("model.json", error.Message);
        Assert.Contains("edited or damaged", error.Message);
        Assert.Throws<InvalidDataException>(() => IllegibilityModel.FromJson("{", "model.json"));
    }

    [Fact]
    public void Candidates_include_every_word_a_stretch_under_a_dark_region_and_a_lost_line_after_the_line_above_it()
    {
        var first = LineAt(200, ("the", 95f), ("report", 95f), ("was", 95f));
        // "sent" stands 200 px after "was": a blot covers 400-560 between them.
        var second = LineAt(300, ("and", 95f), ("we", 95f));
        second = second with { Words = [.. second.Words, new Word("agree", new BoundingBox(600, 270, 700, 300), 95)] };
        var page = OnePage(Block(first, second)).Pages[0] with
        {
            DarkRegions = [new DarkRegion(new BoundingBox(260, 260, 560, 310), [new BoundingBox(260, 260, 560, 310)])],
            TextGaps = [new TextGap(new BoundingBox(100, 220, 980, 250), []) { Source = GapSource.LostLine, Ink = new InkMeasure(3, 0.01f) }],
        };

        var candidates = CandidateFinder.Find(page, Words, IllegibilityOptions.Default, null);

        Assert.Equal(6, candidates.Count(c => c.Kind == CandidateKind.Word));
        var dark = Assert.Single(candidates, c => c.Source == StretchSource.UnderDarkRegion);
        Assert.Equal((1, 2), (dark.Line, dark.Position));
        Assert.InRange(dark.Box.Left, 220, 300);
        Assert.InRange(dark.Box.Right, 560, 600);
        var lost = Assert.Single(candidates, c => c.Source == StretchSource.LostLine);
        Assert.Equal(0, lost.Line);
        Assert.Equal(CandidateFeatures.StretchNames.Count, lost.Features.Length);
        Assert.All(candidates.Where(c => c.Kind == CandidateKind.Word), c => Assert.Equal(CandidateFeatures.WordNames.Count, c.Features.Length));
    }

    [Fact]
    public void A_stretch_knows_the_room_its_line_leaves_beyond_the_next_lines_first_word_and_whether_a_column_follows_it()
    {
        // A paragraph: a full line, a line ending after "was" with room for many characters, a last line starting "we".
        var full = LineAt(200, ("the", 95f), ("report", 95f), ("was", 95f), ("sent", 95f), ("today", 95f), ("and", 95f), ("the", 95f), ("report", 95f));
        var early = LineAt(250, ("the", 95f), ("report", 95f), ("was", 95f));
        var last = LineAt(300, ("we", 95f), ("agree", 95f));
        // A table below: two rows whose figures stand at the same tab stop, far right of their labels.
        Line Row(int baseline, string label, string figure) => new(new BoundingBox(100, baseline - 30, 900, baseline),
            [new Word(label, new BoundingBox(100, baseline - 30, 200, baseline), 95), new Word(figure, new BoundingBox(800, baseline - 30, 900, baseline), 95)]);
        var rows = new[] { Row(400, "Cork", "3,516"), Row(450, "Wool", "1,200") };
        var page = OnePage(Block(full, early, last), Block(rows)).Pages[0] with
        {
            TextGaps =
            [
                new TextGap(new BoundingBox(390, 220, 900, 250), []) { Source = GapSource.ShortLine, Ink = new InkMeasure(3, 0.01f) },
                new TextGap(new BoundingBox(210, 370, 790, 400), []) { Ink = new InkMeasure(3, 0.01f) },
            ],
        };

        var candidates = CandidateFinder.Find(page, Words, IllegibilityOptions.Default, null);

        float Feature(UnreadableCandidate c, string name) => c.Features[CandidateFeatures.StretchNames.ToList().IndexOf(name)];
        var lineEnd = Assert.Single(candidates, c => c.Source == StretchSource.ShortLine);
        // The line ends at x 380, the column at 900 (where the full line ends): 26 characters of 20 px, less a space and "we".
        Assert.InRange(Feature(lineEnd, "room_for_next_word"), 22, 24);
        Assert.Equal(0, Feature(lineEnd, "after_at_tab_stop"));
        var cell = Assert.Single(candidates, c => c.Kind == CandidateKind.Stretch && c.Source == StretchSource.BetweenWords);
        Assert.Equal(1, Feature(cell, "after_at_tab_stop"));
        Assert.Equal(0, Feature(cell, "room_for_next_word")); // the row reaches the margin
    }
}
