using System.Net;
using System.Text.Json;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Every document as IIIF: its manifest, its page images behind a level-0 image service, its text as annotations, and Mirador showing them.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task A_document_opens_in_mirador_with_its_scan_and_a_line_of_its_text()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        var line = await LongLineAsync(page, id);

        await page.GotoAsync($"/documents/{id}");
        await page.Locator("#viewer").ClickAsync();
        await page.WaitForURLAsync($"**/documents/{id}/viewer");

        // Mirador lists the page's lines in its annotations panel and draws the scan on its canvas.
        await Assertions.Expect(page.GetByText(line, new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#mirador canvas").First).ToBeVisibleAsync();
        var painted = await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('#mirador canvas')].some(c => {
              if (c.width < 100 || c.height < 100) return false;
              const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 128 && data[i + 3] > 0) return true; // some ink: the scan is drawn
              return false;
            })
            """, null, new() { Timeout = 30_000 });
        Assert.True(await painted.JsonValueAsync<bool>());
        await app.ScreenshotAsync(page, "mirador.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_manifest_image_service_and_annotations_follow_iiif_and_serve_the_page_and_its_current_text()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.Staff);
        using var transcript = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/documents/{id}/transcript")).TextAsync());
        var first = transcript.RootElement.GetProperty("pages")[0];
        var (width, height) = (first.GetProperty("width").GetInt32(), first.GetProperty("height").GetInt32());

        var manifestAnswer = await page.APIRequest.GetAsync($"/iiif/{id}/manifest");
        Assert.StartsWith("application/ld+json", manifestAnswer.Headers["content-type"]);
        using var manifest = JsonDocument.Parse(await manifestAnswer.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("http://iiif.io/api/presentation/3/context.json", root.GetProperty("@context").GetString());
        Assert.Equal("Manifest", root.GetProperty("type").GetString());
        Assert.EndsWith($"/iiif/{id}/manifest", root.GetProperty("id").GetString());
        Assert.Contains(root.GetProperty("metadata").EnumerateArray(), m => m.GetProperty("label").GetProperty("en")[0].GetString() == "Dated");
        var canvas = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal((width, height), (canvas.GetProperty("width").GetInt32(), canvas.GetProperty("height").GetInt32()));
        var body = canvas.GetProperty("items")[0].GetProperty("items")[0].GetProperty("body");
        var service = body.GetProperty("service")[0];
        Assert.Equal(("ImageService3", "level0"), (service.GetProperty("type").GetString(), service.GetProperty("profile").GetString()));

        // The image service: its description, the page image at the one size it serves, and a clear refusal of the rest.
        var serviceUrl = new Uri(service.GetProperty("id").GetString()!).PathAndQuery;
        using var info = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"{serviceUrl}/info.json")).TextAsync());
        Assert.Equal((width, height, "level0"), (info.RootElement.GetProperty("width").GetInt32(), info.RootElement.GetProperty("height").GetInt32(), info.RootElement.GetProperty("profile").GetString()));
        var image = await (await page.APIRequest.GetAsync(new Uri(body.GetProperty("id").GetString()!).PathAndQuery)).BodyAsync();
        Assert.Equal(await (await page.APIRequest.GetAsync($"/api/documents/{id}/pages/1/image")).BodyAsync(), image);
        Assert.Equal(image, await (await page.APIRequest.GetAsync($"{serviceUrl}/full/{width},{height}/0/default.jpg")).BodyAsync());
        var tile = await page.APIRequest.GetAsync($"{serviceUrl}/0,0,256,256/256,/0/default.jpg");
        Assert.Equal((int)HttpStatusCode.BadRequest, tile.Status);
        Assert.Contains("level 0", await tile.TextAsync());
        var redirect = await page.APIRequest.GetAsync(serviceUrl, new() { MaxRedirects = 0 });
        Assert.Equal((303, true), (redirect.Status, redirect.Headers["location"].EndsWith("/info.json", StringComparison.Ordinal)));

        // The annotations: a line of the current text each, on its box.
        var annotationsUrl = new Uri(canvas.GetProperty("annotations")[0].GetProperty("id").GetString()!).PathAndQuery;
        using var annotations = JsonDocument.Parse(await (await page.APIRequest.GetAsync(annotationsUrl)).TextAsync());
        var texts = annotations.RootElement.GetProperty("items").EnumerateArray().Select(a =>
        {
            Assert.Equal("supplementing", a.GetProperty("motivation").GetString());
            Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(canvas.GetProperty("id").GetString()!)}#xywh=\\d+,\\d+,\\d+,\\d+$", a.GetProperty("target").GetString());
            return a.GetProperty("body").GetProperty("value").GetString();
        }).ToList();
        Assert.Contains(await LongLineAsync(page, id), texts);
        Assert.Equal((int)HttpStatusCode.NotFound, (await page.APIRequest.GetAsync($"/iiif/{id}/pages/9/annotations")).Status);
        await page.Context.CloseAsync();
    }

    /// <summary>A line of the document's current transcript with several words, as the annotations carry it.</summary>
    private static async Task<string> LongLineAsync(IPage page, Guid id)
    {
        using var transcript = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/documents/{id}/transcript")).TextAsync());
        return transcript.RootElement.GetProperty("pages")[0].GetProperty("blocks").EnumerateArray()
            .SelectMany(b => b.GetProperty("lines").EnumerateArray())
            .Select(l => string.Join(' ', l.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString())))
            .First(t => t.Split(' ').Length >= 6);
    }
}
