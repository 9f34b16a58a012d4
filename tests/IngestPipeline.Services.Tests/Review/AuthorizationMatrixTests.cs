using System.Net.Http.Json;
using System.Net;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>
/// Who may do what, asked of the running app over HTTP: every page and endpoint, by every kind of caller
/// (anonymous, a signed-in user of each role, an API key of each role), against the policy it should have.
/// </summary>
public sealed partial class ReviewAppTests
{
    private enum Outcome { SignIn, Denied, Allowed }

    /// <param name="Json">The endpoint takes JSON: routing answers any other body 415 before authorization is asked.</param>
    private sealed record Target(string Method, string Path, string Policy, bool Json = false);

    private static readonly Dictionary<string, string[]> PolicyRoles = new()
    {
        ["view"] = ["staff", "reviewer", "admin"],
        ["upload"] = ["staff", "admin"],
        ["review"] = ["reviewer", "admin"],
        ["admin"] = ["admin"],
    };

    private IEnumerable<Target> Targets()
    {
        var id = app.Document("dev13");
        return
        [
            new("GET", "/queue", "view"),
            new("GET", $"/documents/{id}", "view"),
            new("GET", "/search?q=chungking", "view"),
            new("GET", $"/documents/{id}/viewer", "view"),
            new("GET", $"/iiif/{id}/manifest", "view"),
            new("GET", $"/iiif/{id}/pages/1/annotations", "view"),
            new("GET", $"/iiif/{id}/pages/1/image/info.json", "view"),
            new("GET", $"/iiif/{id}/pages/1/image/full/max/0/default.jpg", "view"),
            new("GET", "/batches", "view"),
            new("GET", $"/batches/{Guid.NewGuid()}", "view"),
            new("GET", "/api/batches", "view"),
            new("GET", $"/api/batches/{Guid.NewGuid()}", "view"),
            new("POST", "/api/batches", "upload"),
            new("GET", $"/api/documents/{id}/comments", "view"),
            new("GET", "/api/collections/samples/examples", "review"),
            new("GET", "/api/collections/samples/quality", "review"),
            new("GET", "/quality", "review"),
            new("GET", "/api/collections/samples/lexicon", "review"),
            new("GET", "/api/collections/samples/confusions", "review"),
            new("GET", $"/api/documents/{id}/review", "review"),
            new("POST", $"/api/documents/{Guid.NewGuid()}/review", "review", Json: true),
            new("DELETE", "/api/collections/samples/lexicon/no-such-word", "admin"),
            new("DELETE", "/api/collections/samples/confusions/word:no-such-word", "admin"),
            new("GET", "/api/collections/samples/decision", "review"),
            new("GET", "/api/collections/samples/models/1", "review"),
            new("POST", "/api/collections/no-such-collection/models", "admin", Json: true),
            new("POST", "/api/collections/no-such-collection/models/1/activate", "admin"),
            new("PUT", "/api/collections/no-such-collection/decision/target-precision", "admin", Json: true),
            new("POST", "/api/collections/no-such-collection/decision/rollback", "admin"),
            new("GET", "/api/admin/jobs/no-such-job", "admin"),
            new("POST", "/quality?collection=samples&handler=Rollback", "review"), // the handler refuses all but admins
            new("POST", "/quality?collection=samples&handler=RemoveWord", "review"), // likewise: the handler refuses all but admins
            new("POST", $"/api/documents/{id}/comments", "review", Json: true),
            new("GET", "/upload", "upload"),
            new("GET", $"/review/{id}", "review"),
            new("GET", "/admin", "admin"),
            new("GET", "/hangfire", "admin"),
            new("GET", "/api/documents", "view"),
            new("GET", $"/api/documents/{id}", "view"),
            new("GET", $"/api/documents/{id}/text", "view"),
            new("GET", $"/api/documents/{id}/transcript", "view"),
            new("GET", $"/api/documents/{id}/pages/1/image", "view"),
            new("GET", $"/api/documents/{id}/pages/1/thumbnail", "view"),
            new("DELETE", $"/api/documents/{Guid.NewGuid()}", "upload"),
            new("POST", $"/api/documents/{Guid.NewGuid()}/replacement", "upload"),
            new("GET", $"/api/documents/stages?id={id}", "view"),
            new("GET", $"/api/documents/{id}/publications", "view"),
            new("GET", $"/api/documents/{id}/published/txt", "view"),
            new("GET", "/api/search?q=chungking&from=1943", "view"),
            new("GET", "/api/review-queue", "view"),
            new("GET", "/api/ingestion-runs", "view"),
            new("POST", "/api/documents", "upload"),
            new("POST", "/api/admin/sweep", "admin"),
            new("POST", $"/api/admin/documents/{Guid.NewGuid()}/reprocess", "admin"),
            new("POST", $"/review/{id}", "review"),
            new("POST", $"/review/{id}?handler=Draft", "review"),
            new("POST", "/queue?handler=Claim", "view"), // the page admits any role; the handler itself refuses all but reviewers
            new("POST", $"/documents/{id}?handler=Reprocess", "view"), // likewise: the handler refuses all but admins
            new("POST", "/admin?handler=AddUser", "admin"),
        ];
    }

    [Fact]
    public async Task Every_page_and_endpoint_answers_each_kind_of_caller_as_its_policy_says()
    {
        var callers = new List<(string Name, string? Role, HttpClient Client)> { ("anonymous", null, Client()) };
        foreach (var (user, role) in new[] { (TestAccounts.Staff, "staff"), (TestAccounts.Reviewer, "reviewer"), (TestAccounts.Admin, "admin") })
            callers.Add(($"{role} (cookie)", role, await SignedInAsync(user)));
        foreach (var (role, key) in TestAccounts.RoleKeys.Append(new("admin", TestAccounts.ApiKey)))
            callers.Add(($"{role} (API key)", role, Client(key)));

        var wrong = new List<string>();
        int asked = 0;
        foreach (var target in Targets())
            foreach (var (name, role, client) in callers)
            {
                var expected = role is null ? Outcome.SignIn : PolicyRoles[target.Policy].Contains(role) ? Outcome.Allowed : Outcome.Denied;
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), target.Path)
                {
                    Content = target.Method is not ("POST" or "PUT") ? null : target.Json ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new MultipartFormDataContent(),
                });
                var actual = Classify(response);
                asked++;
                if (actual != expected) wrong.Add($"{target.Method} {target.Path} as {name}: {actual} ({(int)response.StatusCode} {response.Headers.Location}), expected {expected}");
            }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked} answers are wrong:\n{string.Join("\n", wrong)}");
        Assert.Equal(Targets().Count() * 7, asked);
    }

    [Fact]
    public async Task A_state_changing_request_with_the_cookie_but_without_the_anti_forgery_token_is_refused()
    {
        var admin = await SignedInAsync(TestAccounts.Admin);
        var id = app.Document("dev13");
        foreach (var path in new[] { "/api/admin/sweep", $"/review/{id}", "/admin?handler=AddUser", "/api/documents", "/logout" })
        {
            using var response = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["name"] = "intruder", ["role"] = "admin" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
        }
        using (var comment = await admin.PostAsync($"/api/documents/{id}/comments", new StringContent("""{"text":"forged"}""", System.Text.Encoding.UTF8, "application/json")))
            Assert.True(comment.StatusCode == HttpStatusCode.BadRequest, $"a comment without a token answered {(int)comment.StatusCode}");
        Assert.Equal("AwaitingReview", (await app.Api.DocumentAsync(id)).Stage);
        Assert.DoesNotContain("intruder", await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("forged", await (await admin.GetAsync($"/api/documents/{id}/comments")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_auth_cookie_is_secure_http_only_and_same_site_and_HSTS_is_sent()
    {
        var overHttps = await SignInAnswerAsync(forwardedProto: "https");
        var overHttp = await SignInAnswerAsync(forwardedProto: null);

        var auth = Assert.Single(overHttps.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ingestpipeline=", StringComparison.Ordinal));
        foreach (var flag in new[] { "secure", "httponly", "samesite=strict" })
            Assert.Contains("; " + flag, auth, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", string.Join("", overHttps.Headers.GetValues("Strict-Transport-Security")));
        // Plain HTTP straight to the host (a developer's machine): no Secure flag, which the browser would not send back.
        var plain = Assert.Single(overHttp.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ingestpipeline=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", plain, StringComparison.OrdinalIgnoreCase);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>A sign-in's answer (with its cookies), as if through a proxy that forwarded the scheme, under a host name (HSTS leaves loopback names alone).</summary>
    private async Task<HttpResponseMessage> SignInAnswerAsync(string? forwardedProto)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Host = "archive.example";
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var answer = await WebForms.PostLoginAsync(client, TestAccounts.Admin, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer;
    }

    [Fact]
    public async Task The_review_queue_is_given_a_page_at_a_time()
    {
        using var client = Client(TestAccounts.ApiKey);

        var first = await client.GetFromJsonAsync<ReviewQueuePage>("/api/review-queue?take=1");
        var all = await client.GetFromJsonAsync<ReviewQueuePage>("/api/review-queue?take=100000");

        Assert.Equal((1, 500), (first!.Take, all!.Take));
        Assert.Single(first.Items);
        Assert.True(first.Total >= 2 && first.Total == all.Items.Count, $"total {first.Total}, all {all.Items.Count}");
        Assert.Equal(all.Items[0], first.Items[0]);
    }

    [Fact]
    public async Task The_review_form_of_a_document_of_3000_lines_is_read()
    {
        var reviewer = await SignedInAsync(TestAccounts.Reviewer);
        var id = app.Document("dev13");
        var page = await reviewer.GetStringAsync($"/review/{id}");
        var token = WebForms.TokenOf(page);
        // Lines of a page the document has not, and a revision long past: read, refused as a conflict (the page opened
        // again says so), nothing saved.
        var fields = Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>($"line:99:{i}", $"a typed line of some length, number {i}"))
            .Append(new("__RequestVerificationToken", token)).Append(new("Revision", "-1")).Append(new("decision", "save"));

        using var response = await reviewer.PostAsync($"/review/{id}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/review/{id}", response.Headers.Location?.OriginalString);
        Assert.Contains("Your changes were not saved", await reviewer.GetStringAsync($"/review/{id}"));
    }

    [Fact]
    public async Task An_upload_of_a_real_scan_with_the_cookie_but_without_the_token_is_refused_and_stores_nothing()
    {
        var staff = await SignedInAsync(TestAccounts.Staff);
        // A sample page with bytes of its own after the image (still a valid PNG): accepted, it would be a new document.
        byte[] scan = [.. await File.ReadAllBytesAsync(TestScans.SamplePages[0]), .. Guid.NewGuid().ToByteArray()];
        using var content = new MultipartFormDataContent { { new ByteArrayContent(scan), "files", "csrf-probe.png" } };

        using var response = await staff.PostAsync("/api/documents", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await app.Api.DocumentsAsync()).Items, d => d.FileName == "csrf-probe.png");
    }

    [Fact]
    public async Task Handlers_refuse_a_role_they_do_not_serve_even_with_a_valid_token()
    {
        var id = app.Document("dev13");
        var staff = await SignedInAsync(TestAccounts.Staff);
        var reviewer = await SignedInAsync(TestAccounts.Reviewer);

        using var claim = await WebForms.PostFormAsync(staff, "/queue", "/queue?handler=Claim", new Dictionary<string, string> { ["id"] = id.ToString() });
        using var reprocess = await WebForms.PostFormAsync(reviewer, $"/documents/{id}", $"/documents/{id}?handler=Reprocess", []);

        Assert.Equal(Outcome.Denied, Classify(claim));
        Assert.Equal(Outcome.Denied, Classify(reprocess));
        Assert.Equal("AwaitingReview", (await app.Api.DocumentAsync(id)).Stage);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_cookies_are_http_only_and_same_site()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = app.Address };
        using var page = await client.GetAsync("/login");
        Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join("", page.Headers.GetValues("X-Frame-Options")));
        var csp = string.Join("", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase));
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.SignIn,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/login") => Outcome.SignIn,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/denied") => Outcome.Denied,
            _ => Outcome.Allowed, // 2xx, 400 (no token, no file), 404/409 (nothing there yet): past authorization
        };
    }

    private HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    private Task<HttpClient> SignedInAsync(string user) => WebForms.SignedInAsync(app.Address, user);
}
