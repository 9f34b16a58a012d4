using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Domain.Tests.Evaluation;

public class LevenshteinTests
{
    private static int[] S(string s) => s.Select(c => (int)c).ToArray();

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("abcabc", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    public void Known_distances(string a, string b, int expected)
    {
        Assert.Equal(expected, Levenshtein.Distance(S(a), S(b)));
        Assert.Equal(expected, Levenshtein.Align(S(a), S(b)).Distance);
    }

    [Fact]
    public void Distance_and_alignment_agree_with_a_textbook_full_matrix_on_random_sequences()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 300; trial++)
        {
            var a = Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(0, 4)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(0, 4)).ToArray();
            var expected = Naive(a, b);

            Assert.Equal(expected, Levenshtein.Distance(a, b));
            Assert.Equal(expected, Levenshtein.Distance(b, a));
            var alignment = Levenshtein.Align(a, b);
            Assert.Equal(expected, alignment.Distance);
            AssertConsistent(alignment, a, b);
        }
    }

    [Theory]
    [InlineData(4)]    // few symbols: long matching runs
    [InlineData(60)]   // many symbols: mostly mismatches
    public void Long_sequences_over_several_64_bit_blocks_agree_with_the_full_matrix(int alphabet)
    {
        var random = new Random(alphabet);
        for (var trial = 0; trial < 40; trial++)
        {
            var a = Enumerable.Range(0, random.Next(60, 300)).Select(_ => random.Next(alphabet)).ToArray();
            // b: a noisy copy of a, or an unrelated sequence
            var b = trial % 2 == 0
                ? a.Where(_ => random.Next(10) != 0).Select(x => random.Next(8) == 0 ? random.Next(alphabet) : x).ToArray()
                : Enumerable.Range(0, random.Next(60, 300)).Select(_ => random.Next(alphabet)).ToArray();

            Assert.Equal(Naive(a, b), Levenshtein.Distance(a, b));
            Assert.Equal(Naive(b, a), Levenshtein.Distance(b, a));
        }
    }

    [Fact]
    public void Alignment_pairs_equal_items_and_marks_gaps()
    {
        var alignment = Levenshtein.Align([1, 2, 3, 5], [1, 3, 5, 6]);

        Assert.Equal(2, alignment.Distance);
        Assert.Equal(
            [new(0, 0), new(1, -1), new(2, 1), new(3, 2), new(-1, 3)],
            alignment.Steps);
    }

    [Fact]
    public void Tie_costs_choose_among_alignments_with_the_same_distance_without_changing_it()
    {
        // [7, 8] vs [9]: substitute 7 or substitute 8, both one deletion + one substitution.
        var plain = Levenshtein.Align([7, 8], [9]);
        var similarToEight = Levenshtein.Align([7, 8], [9], (a, b) => a == 8 ? 0 : 5, _ => 1);

        Assert.Equal(2, plain.Distance);
        Assert.Equal(2, similarToEight.Distance);
        Assert.Equal([new(0, -1), new(1, 0)], similarToEight.Steps);
        // A huge tie cost never buys an extra edit.
        var expensive = Levenshtein.Align([1, 2], [1, 3], (_, _) => 1_000_000, _ => 0);
        Assert.Equal(1, expensive.Distance);
    }

    private static void AssertConsistent(Alignment alignment, int[] a, int[] b)
    {
        // Every item appears exactly once, in order, and the step costs add up to the distance.
        var refs = alignment.Steps.Where(s => s.Reference >= 0).Select(s => s.Reference).ToArray();
        var hyps = alignment.Steps.Where(s => s.Hypothesis >= 0).Select(s => s.Hypothesis).ToArray();
        Assert.Equal(Enumerable.Range(0, a.Length), refs);
        Assert.Equal(Enumerable.Range(0, b.Length), hyps);
        var cost = alignment.Steps.Sum(s =>
            s.IsDeletion || s.IsInsertion ? 1 : a[s.Reference] == b[s.Hypothesis] ? 0 : 1);
        Assert.Equal(alignment.Distance, cost);
    }

    private static int Naive(int[] a, int[] b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
