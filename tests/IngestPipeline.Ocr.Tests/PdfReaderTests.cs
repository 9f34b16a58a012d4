using System.Diagnostics;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>
/// PDFs are parsed in a reader process under a memory bound: a stream that would inflate past the budget is refused
/// without being held, a reader that needs more than its bound costs the file, and the next file is read as ever.
/// </summary>
public sealed class PdfReaderTests : IDisposable
{
    private readonly ScanInputs _inputs = new();

    [Fact]
    public void A_content_stream_of_two_flate_filters_inflating_to_a_gigabyte_is_refused_with_the_budget()
    {
        var bomb = ScanInputs.FlateBomb(1L << 30, times: 2);
        Assert.True(bomb.Length < 4096, $"the bomb takes {bomb.Length} bytes");
        var pdf = _inputs.OnePagePdf("bomb.pdf", bomb, "/Filter [/FlateDecode /FlateDecode]");
        var before = Process.GetCurrentProcess().PeakWorkingSet64;

        var clock = Stopwatch.StartNew();
        using var scan = Scan.Open(pdf);
        var error = Assert.Throws<UnreadableScanException>(() => scan.ExtractPage(0));

        Assert.Equal("bomb.pdf: page 1: a stream inflates to more than 171 MB, more than a page within the pixel budget holds; " +
            "the file may be built to exhaust its reader", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"refused in {clock.Elapsed.TotalSeconds:0.0} s");
        // Nothing of it was inflated in this process.
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 - before < 100L * 1024 * 1024);
    }

    [Fact]
    public void A_reader_that_needs_more_than_its_bound_costs_the_file_and_the_next_file_is_read()
    {
        var pdf = _inputs.HandWrittenPdf("plain.pdf", pages: 1);

        // The runtime alone takes more than 16 MB: the reader is killed at once, while it opens the file or before it reads the page.
        var error = Record.Exception(() =>
        {
            using var bounded = Scan.Open(pdf, ScanLimits.Default with { ReaderMemoryBytes = 16L * 1024 * 1024 });
            Thread.Sleep(500);
            bounded.DecodePage(0).Dispose();
        });
        Assert.Matches("^plain.pdf: (opening the PDF|reading page 1) .*16 MB.*; the file may be built to exhaust its reader$",
            Assert.IsType<UnreadableScanException>(error).Message);

        using var scan = Scan.Open(pdf);
        using var page = scan.DecodePage(0);
        Assert.Equal((2550, 3300, 300), (page.Width, page.Height, page.StoredDpi));
    }

    public void Dispose() => _inputs.Dispose();
}
