using System.Diagnostics;
using System.Text;
using IngestPipeline.Domain.Evaluation;
using Xunit.Abstractions;

namespace IngestPipeline.Domain.Tests.Evaluation;

public class TranscriptScorerTests
{
    private const string M = "[ILLEGIBLE]";

    private static PageScore Score(string reference, string hypothesis) =>
        TranscriptScorer.ScorePage("p", reference, hypothesis);

    [Fact]
    public void Identical_texts_score_zero()
    {
        var s = Score($"To the Secretary {M} of State.", $"To the Secretary {M} of State.");

        Assert.Equal(0, s.CharEdits);
        Assert.Equal(0.0, s.Cer);
        Assert.Equal(0, s.WordEdits);
        Assert.Equal(0.0, s.Wer);
        Assert.Equal(1, s.TrueSpans);
        Assert.Equal(1, s.RecalledSpans);
        Assert.Equal(1, s.CreditedMarkers);
        Assert.Equal(0, s.GarbageSpans);
        Assert.Equal(0, s.SilentMisses);
    }

    [Fact]
    public void One_substitution()
    {
        var s = Score("the cat", "the cut");

        Assert.Equal(7, s.ReferenceSymbols);
        Assert.Equal(1, s.CharEdits);
        Assert.Equal(1.0 / 7, s.Cer, 12);
        Assert.Equal(2, s.ReferenceWords);
        Assert.Equal(1, s.WordEdits);
        Assert.Equal(0.5, s.Wer, 12);
    }

    [Fact]
    public void A_deleted_word()
    {
        var s = Score("the cat sat", "the sat");

        Assert.Equal(11, s.ReferenceSymbols);
        Assert.Equal(4, s.CharEdits); // "cat" and one space
        Assert.Equal(4.0 / 11, s.Cer, 12);
        Assert.Equal(1, s.WordEdits);
        Assert.Equal(1.0 / 3, s.Wer, 12);
    }

    [Fact]
    public void Markers_in_different_case_are_the_same_single_symbol()
    {
        var same = Score("a [ILLEGIBLE] b", "a [illegible] b");
        Assert.Equal(5, same.ReferenceSymbols);
        Assert.Equal(0, same.CharEdits);
        Assert.Equal(0.0, same.Cer);
        Assert.Equal(0, same.WordEdits);
        Assert.Equal(1, same.RecalledSpans);

        // Dropping the marker costs the marker symbol and one space, not eleven characters.
        var dropped = Score("a [ILLEGIBLE] b", "a b");
        Assert.Equal(2, dropped.CharEdits);
        Assert.Equal(1, dropped.WordEdits);
    }

    [Fact]
    public void Marker_where_the_truth_has_a_word_is_an_edit_and_a_false_marker()
    {
        var s = Score("the quick fox", $"the {M} fox");

        Assert.Equal(5, s.CharEdits); // "quick" -> one symbol: 1 substitution + 4 deletions
        Assert.Equal(1, s.WordEdits);
        Assert.Equal(0, s.TrueSpans);
        Assert.Equal(1, s.HypothesisMarkers);
        Assert.Equal(0, s.CreditedMarkers);
        Assert.Equal(1, s.FalseMarkers);
    }

    [Fact]
    public void Garbage_text_where_the_truth_has_a_marker_counts_the_span_and_its_characters()
    {
        var s = Score($"sent to {M} today", "sent to i>ee@e today");

        Assert.Equal(1, s.TrueSpans);
        Assert.Equal(0, s.RecalledSpans);
        Assert.Equal(1, s.GarbageSpans);
        Assert.Equal(6, s.GarbageChars);
        Assert.Equal(0, s.SilentMisses);
    }

    [Fact]
    public void Garbage_of_several_words_counts_non_space_characters_of_all_of_them()
    {
        var s = Score($"sent to {M} today", "sent to i> ee@e a today");

        Assert.Equal(1, s.GarbageSpans);
        Assert.Equal(7, s.GarbageChars);
    }

    [Fact]
    public void A_dropped_span_is_a_silent_miss_not_garbage()
    {
        var s = Score($"sent to {M} today", "sent to today");

        Assert.Equal(0, s.RecalledSpans);
        Assert.Equal(0, s.GarbageSpans);
        Assert.Equal(0, s.GarbageChars);
        Assert.Equal(1, s.SilentMisses);
    }

    [Fact]
    public void A_misread_neighbour_aligned_into_a_dropped_span_is_garbage()
    {
        // The character alignment pairs the marker with the "d" of "todav" (score.py does the same).
        var s = Score($"sent to {M} today", "sent tu todav");

        Assert.Equal(1, s.GarbageSpans);
        Assert.Equal(1, s.GarbageChars);
        Assert.Equal(0, s.SilentMisses);
    }

    [Theory]
    [InlineData($"one {M} two three four")]   // marker one word early (inserted before "two")
    [InlineData($"one two three {M} four")]   // marker one word late
    [InlineData($"one {M} three four")]       // "two" swallowed by the marker
    public void A_marker_one_word_off_is_still_recalled(string hypothesis)
    {
        var s = Score($"one two {M} three four", hypothesis);

        Assert.Equal(1, s.RecalledSpans);
        Assert.Equal(1, s.CreditedMarkers);
        Assert.Equal(0, s.GarbageSpans);
        Assert.Equal(0, s.SilentMisses);
    }

    [Fact]
    public void A_marker_two_words_off_is_not_recalled()
    {
        var s = Score($"a b c {M} d e f", $"a {M} b c d e f");

        Assert.Equal(0, s.RecalledSpans);
        Assert.Equal(1, s.HypothesisMarkers);
        Assert.Equal(0, s.CreditedMarkers);
        Assert.Equal(1, s.GarbageSpans); // "c" is aligned with the span's place
    }

    [Fact]
    public void One_hypothesis_marker_recalls_at_most_one_span()
    {
        // The single marker sits within one word of both truth markers; only one of them is recalled, the
        // other one got "R" instead.
        var s = Score($"x {M} y {M} z", $"x Q {M} R z");

        Assert.Equal(2, s.TrueSpans);
        Assert.Equal(1, s.RecalledSpans);
        Assert.Equal(1, s.CreditedMarkers);
        Assert.Equal(1, s.GarbageSpans);
        Assert.Equal(1, s.GarbageChars);
        Assert.Equal(s.TrueSpans, s.RecalledSpans + s.GarbageSpans + s.SilentMisses);
    }

    [Fact]
    public void A_span_split_into_two_markers_is_recalled_once_and_credits_one_marker()
    {
        var s = Score($"the {M} of", $"the {M} {M} of");

        Assert.Equal(1, s.RecalledSpans);
        Assert.Equal(2, s.HypothesisMarkers);
        Assert.Equal(1, s.CreditedMarkers);
    }

    [Fact]
    public void A_false_marker_on_a_clean_page_is_counted_at_page_and_set_level()
    {
        var page = Score("all clear here today", $"all clear {M} today");

        Assert.Equal(0, page.TrueSpans);
        Assert.Equal(1, page.HypothesisMarkers);
        Assert.Equal(1, page.FalseMarkers);

        var set = TranscriptScorer.ScoreSet([page, Score($"a {M} b", $"a {M} b")]);
        Assert.Equal(1, set.FalseMarkers);
        Assert.Equal(1, set.PagesWithoutSpans);
        Assert.Equal(2, set.HypothesisMarkers);
        Assert.Equal(1, set.CreditedMarkers);
        Assert.Equal(0.5, set.SpanPrecision);
        Assert.Equal(1.0, set.SpanRecall);
    }

    [Fact]
    public void Whitespace_differences_are_ignored()
    {
        var s = Score("FROM HARRIMAN\n\nTO  THE PRESIDENT.  Stalin\n", "  FROM HARRIMAN TO THE\tPRESIDENT. Stalin");

        Assert.Equal(0, s.CharEdits);
        Assert.Equal(0, s.WordEdits);
        Assert.Equal("FROM HARRIMAN TO THE PRESIDENT. Stalin".Length, s.ReferenceSymbols);
    }

    [Fact]
    public void Curly_quotes_and_dashes_are_not_folded()
    {
        Assert.Equal(2, Score("\"lease\"", "\u201Clease\u201D").CharEdits);
        Assert.Equal(2, Score("war -- and", "war \u2014 and").CharEdits);
    }

    [Fact]
    public void Set_cer_is_micro_averaged_and_differs_from_the_mean_of_page_cers()
    {
        var longPage = Score("abcdefghij", "abcdefghij"); // CER 0 over 10 symbols
        var shortPage = Score("ab", "xy");                // CER 1 over 2 symbols

        var set = TranscriptScorer.ScoreSet([longPage, shortPage]);
        var macro = (longPage.Cer + shortPage.Cer) / 2;

        Assert.Equal(2.0 / 12, set.Cer, 12);
        Assert.Equal(0.5, macro, 12);
        Assert.NotEqual(macro, set.Cer, 6);
        Assert.Equal(1.0 / 2, set.Wer, 12); // 1 word edit over 2 reference words
    }

    [Fact]
    public void Set_span_rates_follow_the_corpus_definitions()
    {
        var set = TranscriptScorer.ScoreSet(
        [
            Score($"a {M} b c {M} d", $"a {M} b c xyz d"), // recalled + garbage (3 chars)
            Score($"e {M} f", "e f"),                      // silent miss
            Score("clean page", "clean page"),
        ]);

        Assert.Equal(3, set.Pages);
        Assert.Equal(3, set.TrueSpans);
        Assert.Equal(1, set.RecalledSpans);
        Assert.Equal(1.0 / 3, set.SpanRecall!.Value, 12);
        Assert.Equal(1, set.GarbageSpans);
        Assert.Equal(1.0 / 3, set.GarbageRate!.Value, 12);
        Assert.Equal(3, set.GarbageChars);
        Assert.Equal(1.0, set.GarbageCharsPerSpan!.Value, 12);
        Assert.Equal(1, set.SilentMisses);
        Assert.Equal(1.0, set.SpanPrecision);
        Assert.Equal(0, set.FalseMarkers);
        Assert.Equal(1, set.PagesWithoutSpans);
    }

    [Fact]
    public void Ratios_without_a_denominator_are_null()
    {
        var set = TranscriptScorer.ScoreSet([Score("clean page", "clean page")]);

        Assert.Null(set.SpanRecall);
        Assert.Null(set.SpanPrecision);
        Assert.Null(set.GarbageRate);
        Assert.Null(set.GarbageCharsPerSpan);
        Assert.Equal(0.0, set.Cer);
    }

    [Fact]
    public void Empty_reference_scores_zero_on_the_page_and_counts_its_edits_in_the_set()
    {
        Assert.Equal(0.0, Score("", "  ").Cer);
        Assert.Equal(0.0, Score("", "noise").Cer); // as score.py: no rate without truth
        Assert.Equal(5.0, TranscriptScorer.ScoreSet([Score("", "noise")]).Cer);
    }

    [Fact]
    public void A_heavily_corrupted_page_of_3000_characters_scores_in_the_expected_range()
    {
        var random = new Random(42);
        var reference = RandomPage(random, 3000);
        var hypothesis = Corrupt(random, reference, 0.15);
        Assert.True(reference.Length >= 3000 && hypothesis.Length >= 2500);
        var score = TranscriptScorer.ScorePage("big", reference, hypothesis);
        Assert.InRange(score.Cer, 0.05, 0.5);
    }

    private static string RandomPage(Random random, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            var word = new string(Enumerable.Range(0, random.Next(1, 9)).Select(_ => (char)('a' + random.Next(26))).ToArray());
            sb.Append(word).Append(random.Next(12) == 0 ? '\n' : ' ');
        }
        return sb.ToString();
    }

    private static string Corrupt(Random random, string text, double rate)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            var roll = random.NextDouble();
            if (roll < rate / 3)
                continue;                                   // deletion
            if (roll < 2 * rate / 3)
                sb.Append((char)('a' + random.Next(26)));    // substitution
            else if (roll < rate)
                sb.Append(c).Append('x');                    // insertion
            else
                sb.Append(c);
        }
        return sb.ToString();
    }
}
