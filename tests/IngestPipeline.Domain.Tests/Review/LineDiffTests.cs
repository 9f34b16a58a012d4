using IngestPipeline.Domain.Review;

namespace IngestPipeline.Domain.Tests.Review;

public class LineDiffTests
{
    [Fact]
    public void A_corrected_line_is_a_removal_and_an_addition_between_kept_lines()
    {
        var diff = LineDiff.Compare("TO THE PRESIDENT\nhopes [ILLEGIBLE] to\nHARRIMAN\n", "TO THE PRESIDENT\nhopes that Soong to\nHARRIMAN\n");

        Assert.Equal(
            "  TO THE PRESIDENT\n- hopes [ILLEGIBLE] to\n+ hopes that Soong to\n  HARRIMAN\n",
            LineDiff.Format(diff));
    }

    [Fact]
    public void Identical_texts_have_only_kept_lines_and_empty_texts_nothing()
    {
        Assert.All(LineDiff.Compare("a\nb\n", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Empty(LineDiff.Compare("", ""));
    }

    [Fact]
    public void Lines_added_and_removed_in_several_places_keep_the_longest_common_run()
    {
        var diff = LineDiff.Compare("one\ntwo\nthree\nfour\n", "zero\none\nthree\nfour\nfive\n");

        Assert.Equal("+ zero\n  one\n- two\n  three\n  four\n+ five\n", LineDiff.Format(diff));
    }

    [Fact]
    public void Applying_the_diff_gives_back_both_versions()
    {
        const string before = "a\nb\nc\nd\ne\n", after = "a\nc\nx\ne\ny\n";
        var diff = LineDiff.Compare(before, after);

        Assert.Equal(before.TrimEnd('\n').Split('\n'), diff.Where(l => l.Kind != DiffKind.Added).Select(l => l.Text));
        Assert.Equal(after.TrimEnd('\n').Split('\n'), diff.Where(l => l.Kind != DiffKind.Removed).Select(l => l.Text));
    }

    [Fact]
    public void The_changes_alone_leave_out_the_kept_lines()
    {
        Assert.Equal("- two\n+ 2\n", LineDiff.FormatChanges("one\ntwo\nthree\n", "one\n2\nthree\n"));
        Assert.Equal("", LineDiff.FormatChanges("same\n", "same\n"));
    }
}
