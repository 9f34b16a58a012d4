using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>
/// The accounts every test web host is given through configuration (as an operator would through the
/// environment): an admin API key for the REST API, and one user per role. Secrets are new for each test run.
/// </summary>
internal static class TestAccounts
{
    public static readonly string ApiKey = "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>One more API key per role but admin (the one above), for the authorization matrix.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleKeys = new Dictionary<string, string>
    {
        ["staff"] = "test-staff-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        ["reviewer"] = "test-reviewer-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
    };
    public static readonly string Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public const string Admin = "admin";
    public const string Reviewer = "rev1";
    public const string SecondReviewer = "rev2";
    public const string Staff = "staff";

    private static readonly (string Name, string Role)[] Users = [(Admin, "admin"), (Reviewer, "reviewer"), (SecondReviewer, "reviewer"), (Staff, "staff")];

    /// <summary>
    /// The certificate that encrypts the data-protection keys of every test web host (they run as in production, which
    /// refuses to start without one): made once per run, as infra/data-protection-certificate.sh makes one.
    /// </summary>
    private static readonly Lazy<string> Certificate = new(() =>
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=IngestPipeline tests", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Repository.NewTempDirectory(), "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        return path;
    });
    private static readonly string CertificatePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Web__DataProtection__CertificatePath", Certificate.Value);
        yield return new("Web__DataProtection__CertificatePassword", CertificatePassword);
        yield return new("Pipeline__Accounts__ApiKeys__0__Name", "tests");
        yield return new("Pipeline__Accounts__ApiKeys__0__Key", ApiKey);
        yield return new("Pipeline__Accounts__ApiKeys__0__Role", "admin");
        int k = 1;
        foreach (var (role, key) in RoleKeys)
        {
            yield return new($"Pipeline__Accounts__ApiKeys__{k}__Name", $"tests-{role}");
            yield return new($"Pipeline__Accounts__ApiKeys__{k}__Key", key);
            yield return new($"Pipeline__Accounts__ApiKeys__{k++}__Role", role);
        }
        for (int i = 0; i < Users.Length; i++)
        {
            yield return new($"Pipeline__Accounts__Users__{i}__UserName", Users[i].Name);
            yield return new($"Pipeline__Accounts__Users__{i}__Password", Password);
            yield return new($"Pipeline__Accounts__Users__{i}__Role", Users[i].Role);
        }
    }
}
