using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Review;

public class ReviewMergeTests
{
    private static readonly ReviewedMetadata NoMetadata = new(null, null, null, null, null, null);

    private static List<ReviewLine> Lines(params string[] texts) =>
        texts.Select((t, i) => new ReviewLine(1, i, t, new BoundingBox(0, 30 * i, 500, 30 * i + 25), [])).ToList();

    private static List<LineEdit> Edits(params string[] texts) => texts.Select((t, i) => new LineEdit(1, i, t)).ToList();

    [Fact]
    public void Changes_to_different_lines_are_both_kept()
    {
        var opened = Lines("SECRET", "arrived tbe Embassy", "from [ILLEGIBLE]");
        var saved = Lines("SECRET", "arrived the Embassy", "from [ILLEGIBLE]");
        var mine = Edits("SECRET", "arrived tbe Embassy", "from Chungking");

        var merge = ReviewMerge.Merge(opened, saved, mine, NoMetadata, NoMetadata, NoMetadata);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(["SECRET", "arrived the Embassy", "from Chungking"], merge.Lines.Select(l => l.Text));
    }

    [Fact]
    public void The_same_line_changed_differently_is_a_conflict_kept_in_the_reviewers_words_and_the_same_change_is_not()
    {
        var opened = Lines("SECRET", "arrived tbe Embassy", "from [ILLEGIBLE]");
        var saved = Lines("SECRET", "arrived the Embassy", "from Chungking");
        var mine = Edits("SECRET", "arrived at the Embassy", "from  Chungking");

        var merge = ReviewMerge.Merge(opened, saved, mine, NoMetadata, NoMetadata, NoMetadata);

        Assert.Equal(["line 2"], merge.Conflicts);
        Assert.Equal(["SECRET", "arrived at the Embassy", "from  Chungking"], merge.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Metadata_fields_merge_like_lines()
    {
        var lines = Lines("SECRET");
        var opened = new ReviewedMetadata(null, "1944-05-02", "Gauss", null, null, null);
        var saved = opened with { Date = "1944-05-03", From = "Hurley" };
        var mine = opened with { Title = "On the Chungking talks", From = "Atcheson" };

        var merge = ReviewMerge.Merge(lines, lines, Edits("SECRET"), opened, saved, mine);

        Assert.Equal(["the sender"], merge.Conflicts);
        Assert.Equal(new ReviewedMetadata("On the Chungking talks", "1944-05-03", "Atcheson", null, null, null), merge.Metadata);
    }

    [Fact]
    public void Lines_renumbered_in_between_cannot_be_matched_so_each_change_is_a_conflict()
    {
        var opened = Lines("SECRET", "arrived tbe Embassy");
        var saved = Lines("SECRET", "TOP", "arrived the Embassy");
        var mine = Edits("SECRET", "arrived at the Embassy");

        var merge = ReviewMerge.Merge(opened, saved, mine, NoMetadata, NoMetadata, NoMetadata);

        Assert.Equal(["line 2"], merge.Conflicts);
    }
}
