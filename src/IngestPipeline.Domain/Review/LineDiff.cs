using System.Text;

namespace IngestPipeline.Domain.Review;

public enum DiffKind { Same, Removed, Added }

/// <summary>One line of a diff: kept, removed from the earlier version, or added in the later one.</summary>
public readonly record struct DiffLine(DiffKind Kind, string Text);

/// <summary>
/// The line-by-line difference between two versions of a transcript, as the edit history keeps and shows it:
/// the longest common run of lines is kept, everything else is a removal followed by an addition.
/// </summary>
/// <remarks>Quadratic in the number of lines; a cable has tens of lines, a long report a few thousand.</remarks>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        // Common prefix and suffix first: most saves change a few lines in the middle.
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        int endA = a.Length, endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1]) { endA--; endB--; }

        var result = new List<DiffLine>(a.Length + b.Length);
        for (int i = 0; i < start; i++) result.Add(new DiffLine(DiffKind.Same, a[i]));
        Middle(a[start..endA], b[start..endB], result);
        for (int i = endA; i < a.Length; i++) result.Add(new DiffLine(DiffKind.Same, a[i]));
        return result;
    }

    /// <summary>A unified-style rendering: "  " kept, "- " removed, "+ " added, one line each.</summary>
    public static string Format(IEnumerable<DiffLine> diff)
    {
        var text = new StringBuilder();
        foreach (var line in diff)
            text.Append(line.Kind switch { DiffKind.Removed => "- ", DiffKind.Added => "+ ", _ => "  " }).Append(line.Text).Append('\n');
        return text.ToString();
    }

    /// <summary>The changed lines only, in <see cref="Format"/>'s rendering: what the edit history keeps per version.</summary>
    public static string FormatChanges(string before, string after) =>
        Format(Compare(before, after).Where(l => l.Kind != DiffKind.Same));

    private static void Middle(string[] a, string[] b, List<DiffLine> result)
    {
        // Longest common subsequence lengths of the suffixes a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { result.Add(new DiffLine(DiffKind.Same, a[x])); x++; y++; }
            else if (y >= b.Length || (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1])) result.Add(new DiffLine(DiffKind.Removed, a[x++]));
            else result.Add(new DiffLine(DiffKind.Added, b[y++]));
        }
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
