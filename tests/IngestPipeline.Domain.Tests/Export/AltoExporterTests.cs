using System.Globalization;
using System.Xml.Linq;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Export;

public class AltoExporterTests
{
    private static readonly XNamespace Alto = "http://www.loc.gov/standards/alto/ns-v4#";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    [Fact]
    public void Has_alto_v4_root_description_and_source_file_name()
    {
        var alto = AltoExporter.Write(TwoPages());
        var doc = XDocument.Parse(alto);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", alto);
        Assert.Equal(Alto + "alto", doc.Root!.Name);
        Assert.Equal(
            "http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-2.xsd",
            (string?)doc.Root.Attribute(Xsi + "schemaLocation"));
        var description = doc.Root.Element(Alto + "Description")!;
        Assert.Equal("pixel", description.Element(Alto + "MeasurementUnit")!.Value);
        Assert.Equal("cable 1943-05-12.pdf",
            description.Element(Alto + "sourceImageInformation")!.Element(Alto + "fileName")!.Value);
        // Description comes before Layout, MeasurementUnit first (the schema's sequence).
        Assert.Equal(["Description", "Tags", "Layout"], doc.Root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("MeasurementUnit", description.Elements().First().Name.LocalName);
    }

    [Fact]
    public void Pages_carry_id_number_size_and_a_print_space()
    {
        var pages = XDocument.Parse(AltoExporter.Write(TwoPages())).Descendants(Alto + "Page").ToList();

        Assert.Equal(["p1", "p2"], pages.Select(p => (string)p.Attribute("ID")!));
        Assert.Equal(["1", "2"], pages.Select(p => (string)p.Attribute("PHYSICAL_IMG_NR")!));
        Assert.All(pages, p =>
        {
            Assert.Equal("2480", (string?)p.Attribute("WIDTH"));
            Assert.Equal("3508", (string?)p.Attribute("HEIGHT"));
            var printSpace = Assert.Single(p.Elements());
            Assert.Equal(Alto + "PrintSpace", printSpace.Name);
        });
    }

    [Fact]
    public void Blocks_lines_and_strings_have_the_model_coordinates()
    {
        var transcript = TwoPages();
        var pages = XDocument.Parse(AltoExporter.Write(transcript)).Descendants(Alto + "Page").ToList();

        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            var page = transcript.Pages[p];
            Assert.Equal(page.Blocks.Select(b => Position(b.Box)), pages[p].Descendants(Alto + "TextBlock").Select(Position));
            Assert.Equal(page.Lines.Select(l => Position(l.Box)), pages[p].Descendants(Alto + "TextLine").Select(Position));
            var strings = pages[p].Descendants(Alto + "String").ToList();
            Assert.Equal(page.Words.Select(w => Position(w.Box)), strings.Select(Position));
            Assert.Equal(page.Words.Select(w => w.Text), strings.Select(s => (string)s.Attribute("CONTENT")!));
        }
    }

    [Fact]
    public void Known_word_is_written_exactly()
    {
        var first = XDocument.Parse(AltoExporter.Write(TwoPages())).Descendants(Alto + "String").First();

        // "TO:" at x 100, 3 chars x 20 px, baseline 200, 30 px tall, confidence 95.5.
        Assert.Equal("p1_b1_l1_w1", (string?)first.Attribute("ID"));
        Assert.Equal("100 170 60 30", Position(first));
        Assert.Equal("0.96", (string?)first.Attribute("WC"));
    }

    [Fact]
    public void Word_confidence_is_a_fraction_between_0_and_1_matching_the_model()
    {
        var transcript = TwoPages();
        var strings = XDocument.Parse(AltoExporter.Write(transcript)).Descendants(Alto + "String").ToList();
        var words = transcript.Pages.SelectMany(p => p.Words).ToList();

        Assert.Equal(words.Count, strings.Count);
        foreach (var (word, element) in words.Zip(strings))
        {
            var wc = double.Parse((string)element.Attribute("WC")!, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.InRange(wc, 0.0, 1.0);
            Assert.Equal(word.Confidence / 100.0, wc, 0.00501); // two decimals, rounded
        }
    }

    [Theory]
    [InlineData(93f, "0.93")]
    [InlineData(93.456f, "0.93")]
    [InlineData(76.4f, "0.76")]
    [InlineData(100f, "1")]
    [InlineData(0f, "0")]
    [InlineData(150f, "1")]
    [InlineData(-3f, "0")]
    [InlineData(float.NaN, "0")]
    public void Formats_word_confidence(float confidence, string expected)
    {
        Assert.Equal(expected, AltoExporter.FormatWordConfidence(confidence));
    }

    [Fact]
    public void Spaces_stand_between_words_and_span_the_gap()
    {
        var lines = XDocument.Parse(AltoExporter.Write(TwoPages())).Descendants(Alto + "TextLine").ToList();

        foreach (var line in lines)
        {
            var names = line.Elements().Select(e => e.Name.LocalName).ToList();
            var expected = Enumerable.Range(0, (names.Count + 1) / 2)
                .SelectMany(i => i == 0 ? new[] { "String" } : ["SP", "String"]);
            Assert.Equal(expected, names);
        }
        // "TO:" ends at 160, "SECSTATE" starts at 180.
        var sp = lines[0].Element(Alto + "SP")!;
        Assert.Equal(("160", "20"), ((string)sp.Attribute("HPOS")!, (string)sp.Attribute("WIDTH")!));
    }

    [Fact]
    public void Ids_are_unique_across_the_document()
    {
        var ids = XDocument.Parse(AltoExporter.Write(TwoPages())).Descendants()
            .Select(e => (string?)e.Attribute("ID")).OfType<string>().ToList();

        Assert.Contains("p2_b1_l2_w2", ids);
        Assert.Contains("p1_b2_l1_w2", ids);
        // pages, print spaces, processing records, blocks, lines, words, the illegible tag
        Assert.Equal(2 + 2 + 2 + 3 + 8 + 17 + 1, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.False(char.IsDigit(id[0]), $"{id} is not an xsd:ID"));
    }

    [Fact]
    public void Escapes_special_characters()
    {
        var alto = AltoExporter.Write(TwoPages());

        Assert.DoesNotContain("<script>", alto);
        Assert.Contains("CONTENT=\"&lt;script&gt;&amp;&quot;x&quot;\"", alto);
        Assert.Contains("CONTENT=\"Attaché\"", alto);
        Assert.Contains(XDocument.Parse(alto).Descendants(Alto + "String"), s => (string?)s.Attribute("CONTENT") == Tricky);
    }

    [Fact]
    public void Records_page_processing()
    {
        var doc = XDocument.Parse(AltoExporter.Write(TwoPages()));
        var page = doc.Descendants(Alto + "Page").First();
        var processing = doc.Descendants(Alto + "Processing")
            .Single(p => (string?)p.Attribute("ID") == (string?)page.Attribute("PROCESSINGREFS"));

        Assert.Equal(["grayscale", "deskew"], processing.Elements(Alto + "processingStepDescription").Select(e => e.Value));
        Assert.Equal("rotationDegrees=0; skewDegrees=0.35", processing.Element(Alto + "processingStepSettings")!.Value);
    }

    [Fact]
    public void Marks_that_are_not_text_follow_the_text_blocks_as_illustrations_of_their_kind()
    {
        var transcript = OnePage(Block(LineAt(200, ("ONE", 90f))));
        var page = transcript.Pages[0] with
        {
            Regions = [new PageRegion(RegionKind.Handwriting, new BoundingBox(300, 900, 800, 1020), "Mhrchat"), new PageRegion(RegionKind.PunchHole, new BoundingBox(40, 1500, 120, 1580), "")],
        };
        var printSpace = XDocument.Parse(AltoExporter.Write(transcript with { Pages = [page] })).Descendants(Alto + "PrintSpace").Single();

        Assert.Equal(["TextBlock", "Illustration", "Illustration"], printSpace.Elements().Select(e => e.Name.LocalName));
        var illustrations = printSpace.Elements(Alto + "Illustration").ToList();
        Assert.Equal(["handwriting", "punch-hole"], illustrations.Select(i => (string)i.Attribute("TYPE")!));
        Assert.Equal(["p1_r1", "p1_r2"], illustrations.Select(i => (string)i.Attribute("ID")!));
        Assert.Equal(page.Regions.Select(r => Position(r.Box)), illustrations.Select(Position));
    }

    [Fact]
    public void Lines_without_words_are_left_out()
    {
        var empty = new Line(new BoundingBox(100, 220, 200, 250), []);
        var doc = XDocument.Parse(AltoExporter.Write(OnePage(Block(LineAt(200, ("ONE", 90f)), empty))));

        Assert.Single(doc.Descendants(Alto + "TextLine"));
        Assert.All(doc.Descendants(Alto + "TextLine"), l => Assert.NotEmpty(l.Elements(Alto + "String")));
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var transcript = TwoPages() with { Pages = [TwoPages().Pages[1]] };

        var odd = ExportCultures.WithOddCulture(() => AltoExporter.Write(transcript));

        Assert.Equal(AltoExporter.Write(transcript), odd);
        Assert.Contains("skewDegrees=-1.25", odd);
        Assert.Contains("WC=\"0.94\"", odd);
    }

    private static string Position(BoundingBox b) => $"{b.Left} {b.Top} {b.Width} {b.Height}";

    private static string Position(XElement e) =>
        string.Join(' ', new[] { "HPOS", "VPOS", "WIDTH", "HEIGHT" }.Select(a => (string?)e.Attribute(a)));
}
