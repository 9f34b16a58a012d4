namespace IngestPipeline.Domain.Metadata;

/// <summary>How a word compares with a vocabulary term: real edits, and OCR confusions forgiven for free.</summary>
internal readonly record struct TermMatch(string Term, int Edits, int Confusions)
{
    public double Certainty => Edits > 0
        ? Metadata.Certainty.ForEdits(Edits)
        : Confusions > 0 ? Metadata.Certainty.Repaired : Metadata.Certainty.Exact;
}

/// <summary>
/// Matches OCR'd words against small closed vocabularies (document types, classifications, months,
/// header keywords). A damaged word is only accepted when one term is clearly closest, so "TOP SECRFT"
/// becomes TOP SECRET but a word halfway between two terms stays unread.
/// </summary>
internal static class Vocabulary
{
    /// <summary>
    /// The term closest to <paramref name="text"/> (case-insensitive), or null when it needs more edits than
    /// <paramref name="allowedEdits"/> grants that term, or another term is within <paramref name="gap"/> edits of it.
    /// </summary>
    public static TermMatch? Closest(string text, IEnumerable<string> terms, Func<string, int> allowedEdits, int gap = 1)
    {
        TermMatch? best = null;
        var runnerUp = int.MaxValue;
        foreach (var term in terms)
        {
            var match = Compare(text, term);
            if (best is not { } b || match.Edits < b.Edits || (match.Edits == b.Edits && match.Confusions < b.Confusions))
            {
                if (best is { } previous) runnerUp = Math.Min(runnerUp, previous.Edits);
                best = match;
            }
            else
            {
                runnerUp = Math.Min(runnerUp, match.Edits);
            }
        }
        if (best is not { } found || found.Edits > allowedEdits(found.Term)) return null;
        if (found.Edits > 0 && runnerUp - found.Edits < gap) return null;
        return found;
    }

    /// <summary>Edit distance in which a typewriter OCR confusion (0/O, 1/I/L, 5/S, 8/B) costs no edit but is counted.</summary>
    public static TermMatch Compare(string text, string term)
    {
        var a = text.ToUpperInvariant();
        var b = term.ToUpperInvariant();
        var previous = new (int Edits, int Confusions)[b.Length + 1];
        var current = new (int Edits, int Confusions)[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = (j, 0);
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = (i, 0);
            for (var j = 1; j <= b.Length; j++)
            {
                var diagonal = previous[j - 1];
                var substitution = a[i - 1] == b[j - 1] ? diagonal
                    : IsConfusion(a[i - 1], b[j - 1]) ? (diagonal.Edits, diagonal.Confusions + 1)
                    : (diagonal.Edits + 1, diagonal.Confusions);
                var deletion = (previous[j].Edits + 1, previous[j].Confusions);
                var insertion = (current[j - 1].Edits + 1, current[j - 1].Confusions);
                current[j] = Min(substitution, Min(deletion, insertion));
            }
            (previous, current) = (current, previous);
        }
        return new TermMatch(term, previous[b.Length].Edits, previous[b.Length].Confusions);
    }

    private static (int Edits, int Confusions) Min((int Edits, int Confusions) x, (int Edits, int Confusions) y) =>
        x.Edits < y.Edits || (x.Edits == y.Edits && x.Confusions <= y.Confusions) ? x : y;

    /// <summary>A digit or bar read where the typed letter was meant (text side first, upper case).</summary>
    private static bool IsConfusion(char read, char meant) => (read, meant) switch
    {
        ('0', 'O') or ('1', 'I') or ('1', 'L') or ('|', 'I') or ('|', 'L') or ('5', 'S') or ('8', 'B') => true,
        _ => false,
    };
}
