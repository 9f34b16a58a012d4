using System.Security.Cryptography.X509Certificates;
using IngestPipeline.Infrastructure.State;
using Microsoft.AspNetCore.DataProtection;

namespace IngestPipeline.Web.Security;

/// <summary>
/// The keys that sign the auth cookie and the anti-forgery tokens live in the pipeline's database, so every web host
/// shares them; they are encrypted there with the certificate of <c>Web:DataProtection:CertificatePath</c> (a PKCS#12
/// file; <c>Web:DataProtection:CertificatePassword</c>), so a copy of the database cannot forge an admin's cookie. In
/// production a host without the certificate refuses to start; elsewhere (Development) it stores the keys as they are.
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathKey = "Web:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Web:DataProtection:CertificatePassword";

    public static IServiceCollection AddProtectedKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("IngestPipeline").PersistKeysToDbContext<PipelineDbContext>();
        var path = configuration[CertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction())
                throw new InvalidOperationException(
                    $"{CertificatePathKey} is not set: the keys that sign sign-in cookies would be stored unencrypted in the database, where " +
                    "a backup could forge an admin's cookie. Give a PKCS#12 certificate (infra/data-protection-certificate.sh makes one; see " +
                    "docs/security.md), or set ASPNETCORE_ENVIRONMENT=Development for a trial on this machine.");
            return services;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate {path} cannot be read ({e.Message.TrimEnd('.')}); check the file and its password.", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate {path} has no private key, so the keys it encrypts could not be read back.");
        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }
}
