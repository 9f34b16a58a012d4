using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// PdfPig's stream filters held to a byte budget: a Flate stream is inflated once into nothing, counting, before PdfPig
/// inflates it, so a few kilobytes that would become a gigabyte (a chain of Flate filters, each small) are refused
/// without being held; other filters are checked on what they return (their expansion is bounded, and the reader
/// process's memory bound stands behind them).
/// </summary>
internal sealed class BudgetedFilters(IFilterProvider inner, long budget) : IFilterProvider
{
    /// <summary>
    /// The budget a page's streams get: an image at the pixel budget in 8-bit RGB. No stream of a page within the budget
    /// decodes to more; a content stream longer than that is not a page anyone scanned.
    /// </summary>
    public static long BudgetFor(ScanLimits limits) => limits.MaxPixelsPerPage * 3;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => [.. inner.GetFilters(dictionary).Select(Wrap)];

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => [.. inner.GetNamedFilters(names).Select(Wrap)];

    public IReadOnlyList<IFilter> GetAllFilters() => [.. inner.GetAllFilters().Select(Wrap)];

    private IFilter Wrap(IFilter filter) => filter is Budgeted ? filter : new Budgeted(filter, budget);

    private sealed class Budgeted(IFilter filter, long budget) : IFilter
    {
        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (filter is FlateFilter) CheckInflatedLength(input);
            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (output.Length > budget) throw Over();
            return output;
        }

        private void CheckInflatedLength(Memory<byte> input)
        {
            // PDF's Flate streams are zlib streams; the two bytes of header are skipped as PdfPig's own decoder does.
            if (input.Length < 2) return;
            using var source = new MemoryStream(input[2..].ToArray(), writable: false);
            using var inflater = new DeflateStream(source, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            do
            {
                try
                {
                    read = inflater.Read(buffer);
                }
                catch (InvalidDataException)
                {
                    return; // a damaged stream: PdfPig decides what to make of it, and its output is checked after
                }
                total += read;
            }
            while (read > 0 && total <= budget);
            if (total > budget) throw Over();
        }

        private StreamBudgetExceededException Over() => new(
            $"a stream inflates to more than {budget / (1024 * 1024)} MB, more than a page within the pixel budget holds; the file may be built to exhaust its reader");
    }
}

/// <summary>A PDF stream that decodes to more than the budget allows.</summary>
internal sealed class StreamBudgetExceededException(string message) : Exception(message);
