using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Review;

public class ReviewerDecisionsTests
{
    /// <summary>
    /// The pipeline's page: "hopes [ILLEGIBLE] to" (the engine guessed "tbat"), "the Embassy arrived" with "Embassy" read at
    /// 40, and "sent by cable" read surely.
    /// </summary>
    private static Transcript Recognized()
    {
        var hopes = LineAt(200, ("hopes", 90f), ("xxxx", 20f), ("to", 90f));
        hopes = hopes with { Words = [hopes.Words[0], Word.Illegible(hopes.Words[1].Box, "tbat", 20), hopes.Words[2]] };
        return OnePage(Block(hopes, LineAt(250, ("the", 95f), ("Embassy", 40f), ("arrived", 92f)), LineAt(300, ("sent", 95f), ("by", 95f), ("cable", 95f))));
    }

    /// <summary>The transcript once the reviewer has typed these lines (null: left as it was) and kept these words.</summary>
    private static Transcript Reviewed(string? first, string? second, string? third, params KeptWord[] kept)
    {
        var edits = new[] { first, second, third }.Select((text, line) => (text, line)).Where(x => x.text is not null)
            .Select(x => new LineEdit(1, x.line, x.text!));
        return ReviewApplier.Keep(ReviewApplier.Apply(Recognized(), edits), kept);
    }

    private static IReadOnlyList<ReviewerDecision> Decisions(Transcript reviewed, bool approved = false) =>
        ReviewerDecisions.Between(Recognized(), reviewed, approved);

    [Fact]
    public void Flags_nobody_answered_are_no_decision_until_the_document_is_approved_as_it_stands()
    {
        var untouched = Reviewed(null, null, null);

        Assert.Empty(Decisions(untouched));
        var approved = Decisions(untouched, approved: true);
        Assert.Equal([(DecisionKind.MarkerKept, 0, 1, "tbat"), (DecisionKind.FlagConfirmed, 1, 1, "Embassy")],
            approved.Select(d => (d.Kind, d.Line, d.Word, d.Recognized)));
    }

    [Fact]
    public void A_kept_marker_and_a_kept_doubtful_word_are_decisions_of_their_own()
    {
        var decisions = Decisions(Reviewed(null, null, null, new KeptWord(1, 0, 1), new KeptWord(1, 1, 1)));

        Assert.Equal([DecisionKind.MarkerKept, DecisionKind.FlagConfirmed], decisions.Select(d => d.Kind));
        Assert.Equal(FlagKind.Illegible, decisions[0].Flag);
        Assert.Equal(FlagKind.LowConfidence, decisions[1].Flag);
        Assert.Equal(40, decisions[1].Words.Single().Confidence);
    }

    [Fact]
    public void A_marker_replaced_by_text_says_whether_the_text_is_the_engines_guess()
    {
        var asGuessed = Assert.Single(Decisions(Reviewed("hopes TBAT to", null, null)));
        var other = Assert.Single(Decisions(Reviewed("hopes that Soong to", null, null)));

        Assert.Equal((DecisionKind.MarkerReplaced, "tbat", "TBAT", true), (asGuessed.Kind, asGuessed.Recognized, asGuessed.Reviewed, asGuessed.MatchesGuess));
        Assert.Equal((DecisionKind.MarkerReplaced, "that Soong", false), (other.Kind, other.Reviewed, other.MatchesGuess));
        Assert.Equal(Recognized().Pages[0].Blocks[0].Lines[0].Words[1].Box, other.Box);
    }

    [Fact]
    public void A_marker_taken_away_is_a_replaced_one_with_no_text()
    {
        var decision = Assert.Single(Decisions(Reviewed("hopes to", null, null)));

        Assert.Equal((DecisionKind.MarkerReplaced, "", false), (decision.Kind, decision.Reviewed, decision.MatchesGuess));
    }

    [Fact]
    public void A_marker_typed_over_read_words_is_a_miss_and_a_corrected_word_says_whether_it_was_flagged()
    {
        var decisions = Decisions(Reviewed(null, "the Legation arrived", "sent [ILLEGIBLE]"), approved: true);

        Assert.Equal(
            [(DecisionKind.MarkerKept, 0, 1, "tbat", "[ILLEGIBLE]"), (DecisionKind.FlagCorrected, 1, 1, "Embassy", "Legation"), (DecisionKind.MarkerInserted, 2, 1, "by cable", "[ILLEGIBLE]")],
            decisions.Select(d => (d.Kind, d.Line, d.Word, d.Recognized, d.Reviewed)));
        Assert.Equal(2, decisions[2].Words.Count);
    }

    [Fact]
    public void Words_nothing_flagged_that_the_reviewer_changed_added_or_took_away_are_misses_of_the_flags()
    {
        var decisions = Decisions(Reviewed(null, null, "sent by cable today"));
        var changed = Decisions(Reviewed(null, null, "sent by cablegram"));
        var removed = Decisions(Reviewed(null, null, "sent cable"));

        var added = Assert.Single(decisions);
        Assert.Equal((DecisionKind.WordCorrected, 3, "", "today"), (added.Kind, added.Word, added.Recognized, added.Reviewed));
        Assert.Empty(added.Words);
        Assert.Equal((DecisionKind.WordCorrected, "cable", "cablegram"), (changed.Single().Kind, changed.Single().Recognized, changed.Single().Reviewed));
        Assert.Equal((DecisionKind.WordCorrected, "by", ""), (removed.Single().Kind, removed.Single().Recognized, removed.Single().Reviewed));
    }

    [Fact]
    public void A_page_whose_lines_do_not_pair_gives_no_decisions()
    {
        var reviewed = Reviewed("hopes that to", null, null);
        var page = reviewed.Pages[0];
        var fewer = reviewed with { Pages = [page with { Blocks = [page.Blocks[0] with { Lines = page.Blocks[0].Lines.Take(2).ToList() }] }] };

        Assert.Empty(Decisions(fewer));
    }
}
