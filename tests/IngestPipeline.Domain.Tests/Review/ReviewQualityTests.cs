using IngestPipeline.Domain.Evaluation;
using IngestPipeline.Domain.Review;

namespace IngestPipeline.Domain.Tests.Review;

public class ReviewQualityTests
{
    private static ApprovedDocument Approved(DateTime at, string truth, string reading, int flags, int seconds, params (DecisionKind Kind, int Count)[] decisions) =>
        ApprovedDocument.Of(at, [TranscriptScorer.ScorePage("p", truth, reading)], flags, seconds) with { Decisions = decisions.ToDictionary(d => d.Kind, d => d.Count) };

    [Fact]
    public void Markers_are_counted_as_the_scorer_counts_them_and_flags_by_what_the_reviewer_did_with_them()
    {
        var monday = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        var documents = new[]
        {
            // The approved text keeps one of the pipeline's two markers and has one it missed.
            Approved(monday, "the [ILLEGIBLE] arrived at the Embassy today and [ILLEGIBLE]", "the [ILLEGIBLE] arrived at the [ILLEGIBLE] today and left", 4, 120,
                (DecisionKind.MarkerKept, 1), (DecisionKind.MarkerReplaced, 1), (DecisionKind.MarkerInserted, 1), (DecisionKind.FlagCorrected, 1), (DecisionKind.FlagConfirmed, 1)),
            Approved(monday.AddDays(7), "sent by cable", "sent bv cable", 0, 0, (DecisionKind.WordCorrected, 1)),
        };

        var (all, weeks) = ReviewQuality.Of(documents);

        Assert.Equal(["2026-W49", "2026-W50"], weeks.Select(w => w.Period));
        var first = weeks[0];
        Assert.Equal(0.5, first.MarkerPrecision);
        Assert.Equal(0.5, first.MarkerRecall);
        Assert.Equal(2 / 4.0, first.FlagPrecision); // a kept marker and a corrected word of four flags decided
        Assert.Equal(2 / 3.0, first.ErrorsFlagged!.Value, 6); // and of three places that needed the reviewer
        Assert.Equal(4.0, first.FlagsPerPage);
        Assert.Equal(120, first.ReviewSecondsPerDocument);
        // A week without markers or flags has no such figures, not zeros; nor an untimed review a time.
        Assert.Equal((null, null, null, 0.0), (weeks[1].MarkerPrecision, weeks[1].FlagPrecision, weeks[1].ReviewSecondsPerDocument, weeks[1].ErrorsFlagged));
        Assert.Equal(1 / 3.0, weeks[1].Wer, 6);
        Assert.Equal(2, all.Documents);
        Assert.Equal(120, all.ReviewSecondsPerDocument);
        Assert.Equal(2 / 4.0, all.ErrorsFlagged);
    }

    [Fact]
    public void Weeks_are_ISO_weeks_across_the_new_year()
    {
        Assert.Equal("2026-W53", ReviewQuality.Week(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2027-W01", ReviewQuality.Week(new DateTime(2027, 1, 4, 0, 0, 0, DateTimeKind.Utc)));
    }
}
