using System.Net.Sockets;
using System.Text;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Bodies larger than an endpoint takes are refused before they are read; the API's callers are held to a rate.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task An_API_caller_past_its_rate_is_answered_429_and_other_callers_are_not_slowed()
    {
        var work = Repository.NewTempDirectory();
        var (web, address) = await HostProcess.WebAsync(new Dictionary<string, string>
        {
            ["Pipeline__DataDirectory"] = Path.Combine(work, "data"),
            ["Pipeline__Worker__Enabled"] = "false",
            ["Web__ApiRateLimit__Burst"] = "5",
            ["Web__ApiRateLimit__PerMinute"] = "6",
        }, Path.Combine(work, "web.log"));
        using (web)
        {
            HttpClient Caller(string key) => new() { BaseAddress = address, DefaultRequestHeaders = { { "X-Api-Key", key } } };
            using var busy = Caller(TestAccounts.ApiKey);
            using var other = Caller(TestAccounts.RoleKeys["staff"]);

            var answers = new List<HttpResponseMessage>();
            for (int i = 0; i < 6; i++) answers.Add(await busy.GetAsync("/api/documents?take=1"));

            Assert.All(answers.Take(5), a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, answers[5].StatusCode);
            Assert.True(answers[5].Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await other.GetAsync("/api/documents?take=1")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await busy.GetAsync("/health/ready")).StatusCode); // only the API is counted
            answers.ForEach(a => a.Dispose());
        }
    }

    [Fact]
    public async Task A_malformed_upload_form_is_answered_400_with_its_reason()
    {
        using var client = new HttpClient { BaseAddress = app.Address, DefaultRequestHeaders = { { "X-Api-Key", TestAccounts.ApiKey } } };
        // The upload, and the replacement of a failed document: both read their files the same way.
        foreach (var path in new[] { "/api/documents", $"/api/documents/{Guid.NewGuid()}/replacement" })
        {
            using var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n" +
                new string('x', 20_000) + "\r\n\r\nno closing boundary"));
            body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=cut");

            using var answer = await client.PostAsync(path, body);

            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Contains("The upload could not be read as a form", await answer.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_400_MB_anonymous_post_to_login_is_answered_413_and_costs_the_host_nothing()
    {
        long before = app.ResidentBytes;

        var (status, body) = await DeclareLargeBodyAsync("/login", "application/x-www-form-urlencoded", declared: 400L * 1024 * 1024);

        Assert.Equal(413, status);
        Assert.Contains("is larger than /login takes (8 MB)", body);
        long grown = app.ResidentBytes - before;
        Assert.True(grown < 100L * 1024 * 1024, $"the host grew by {grown / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task An_upload_larger_than_the_upload_endpoint_takes_is_answered_413_with_its_limit_never_500()
    {
        // The app's upload limit is 512 MB a file, four files a request.
        var (status, body) = await DeclareLargeBodyAsync("/api/documents", "multipart/form-data; boundary=x", declared: 3L * 1024 * 1024 * 1024);

        Assert.Equal(413, status);
        Assert.Contains("is larger than /api/documents takes (2048 MB)", body);
    }

    /// <summary>
    /// Sends a request that declares a body of <paramref name="declared"/> bytes and sends its first 4 MB, then reads the
    /// answer: over a socket, because an HTTP client would first try to send it all.
    /// </summary>
    private async Task<(int Status, string Body)> DeclareLargeBodyAsync(string path, string contentType, long declared)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(app.Address.Host, app.Address.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {app.Address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {declared}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = Encoding.ASCII.GetBytes("a=" + new string('a', 64 * 1024 - 2));
        try
        {
            for (int sent = 0; sent < 4 * 1024 * 1024; sent += chunk.Length) await stream.WriteAsync(chunk);
        }
        catch (IOException)
        {
            // The host may close the connection once it has answered: the answer is still there to read.
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (!timeout.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                break;
            }
            if (read == 0) break;
            received.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(received.ToArray());
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && System.Text.RegularExpressions.Regex.Match(text, @"Content-Length: (\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } length
                && text.Length >= end + 4 + int.Parse(length.Groups[1].Value)) break;
        }
        var answer = Encoding.UTF8.GetString(received.ToArray());
        Assert.StartsWith("HTTP/1.1 ", answer);
        return (int.Parse(answer[9..12]), answer);
    }
}
