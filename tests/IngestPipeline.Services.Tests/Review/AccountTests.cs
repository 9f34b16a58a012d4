using System.Net;
using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>
/// Accounts as an admin runs them: a role taken away, a user disabled or deleted reaches their open sessions at the
/// next session check; what locks someone out asks for confirmation; the keys that sign cookies are stored encrypted.
/// </summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task Roles_removed_and_users_disabled_or_deleted_reach_open_sessions_at_the_next_check()
    {
        using var admin = await SignedInAsync(TestAccounts.Admin);
        var name = $"temp{Environment.TickCount64 % 100000}";
        var password = Secret(await AdminAsync(admin, "AddUser", ("name", name), ("role", "reviewer")));
        using var user = await WebForms.SignedInAsync(app.Address, name, password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/queue")).StatusCode);

        // Without the box ticked nothing changes.
        Assert.Contains("Nothing was changed: tick the box", await AdminAsync(admin, "RemoveRole", ("name", name), ("role", "reviewer")));
        await PastTheSessionCheckAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/queue")).StatusCode);

        await AdminAsync(admin, "RemoveRole", ("name", name), ("role", "reviewer"), ("confirm", "true"));
        await PastTheSessionCheckAsync();
        Assert.StartsWith("/denied", Location(await user.GetAsync("/queue")));

        await AdminAsync(admin, "AddRole", ("name", name), ("role", "staff"));
        await PastTheSessionCheckAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/queue")).StatusCode);

        Assert.Contains($"User {name} is disabled", await AdminAsync(admin, "Disable", ("name", name), ("confirm", "true")));
        await PastTheSessionCheckAsync();
        Assert.StartsWith("/login", Location(await user.GetAsync("/queue")));
        using (var again = await WebForms.PostLoginAsync(Client(), name, password)) Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, with its error

        await AdminAsync(admin, "Enable", ("name", name));
        using (var enabled = await WebForms.SignedInAsync(app.Address, name, password))
        {
            Assert.Contains($"User {name} is deleted", await AdminAsync(admin, "Delete", ("name", name), ("confirm", "true")));
            await PastTheSessionCheckAsync();
            Assert.StartsWith("/login", Location(await enabled.GetAsync("/queue")));
        }
        Assert.Contains("You cannot delete your own account", await AdminAsync(admin, "Delete", ("name", TestAccounts.Admin), ("confirm", "true")));
    }

    [Fact]
    public async Task A_new_password_and_a_revoked_key_need_the_box_ticked()
    {
        using var admin = await SignedInAsync(TestAccounts.Admin);
        var name = $"keep{Environment.TickCount64 % 100000}";
        var password = Secret(await AdminAsync(admin, "AddUser", ("name", name), ("role", "staff")));
        var key = Secret(await AdminAsync(admin, "AddKey", ("name", name), ("role", "staff")));
        var keyId = Regex.Match(await admin.GetStringAsync("/admin"), $"<td>{name}</td>(?:(?!</tr>).)*name=\"id\" value=\"([0-9a-f-]+)\"", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("Nothing was changed", await AdminAsync(admin, "Reset", ("name", name)));
        Assert.Contains("Nothing was changed", await AdminAsync(admin, "Revoke", ("id", keyId)));
        (await WebForms.SignedInAsync(app.Address, name, password)).Dispose();
        using var byKey = Client(key);
        Assert.Equal(HttpStatusCode.OK, (await byKey.GetAsync("/api/documents?take=1")).StatusCode);

        Assert.NotEqual(password, Secret(await AdminAsync(admin, "Reset", ("name", name), ("confirm", "true"))));
        await AdminAsync(admin, "Revoke", ("id", keyId), ("confirm", "true"));
        using (var old = await WebForms.PostLoginAsync(Client(), name, password)) Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await byKey.GetAsync("/api/documents?take=1")).StatusCode);
    }

    [Fact]
    public async Task The_keys_that_sign_cookies_are_stored_encrypted_with_the_certificate()
    {
        (await SignedInAsync(TestAccounts.Reviewer)).Dispose(); // a cookie was signed, so a key exists
        await using var db = new SqliteConnection($"Data Source={app.Database};Mode=ReadOnly");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("X509Certificate", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    [Fact]
    public async Task In_production_a_web_host_without_the_certificate_refuses_to_start_and_says_why()
    {
        var work = Repository.NewTempDirectory();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.WebAsync(new Dictionary<string, string>
        {
            ["Pipeline__DataDirectory"] = Path.Combine(work, "data"),
            ["Web__DataProtection__CertificatePath"] = "",
        }, Path.Combine(work, "web.log")));
        Assert.Contains("Web:DataProtection:CertificatePath is not set: the keys that sign sign-in cookies would be stored unencrypted", error.Message);
    }

    /// <summary>Posts a handler of the admin page and returns the page it redirects to (with the message).</summary>
    private static async Task<string> AdminAsync(HttpClient admin, string handler, params (string Name, string Value)[] fields)
    {
        using var answer = await WebForms.PostFormAsync(admin, "/admin", $"/admin?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        Assert.Equal("/admin", Location(answer));
        return WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));
    }

    private static string Secret(string adminPage) =>
        Regex.Match(adminPage, "<code id=\"secret\">([^<]+)</code>") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no secret shown:\n" + adminPage);

    /// <summary>Where a redirect points, as a path (the cookie's redirects are absolute, the pages' relative).</summary>
    private static string Location(HttpResponseMessage answer) => answer.Headers.Location switch
    {
        { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
        { } relative => relative.OriginalString,
        null => $"(no redirect: {(int)answer.StatusCode})",
    };

    private static Task PastTheSessionCheckAsync() => Task.Delay(ReviewApp.SessionCheckInterval + TimeSpan.FromSeconds(1));
}
