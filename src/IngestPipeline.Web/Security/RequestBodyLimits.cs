using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace IngestPipeline.Web.Security;

/// <summary>
/// Request bodies are limited per endpoint: the upload endpoint takes its files (its <see cref="IRequestSizeLimitMetadata"/>),
/// every other endpoint a form's worth. A body declared larger than its endpoint takes is answered 413 with the limit
/// before a byte of it is read, so an anonymous POST of hundreds of megabytes to /login costs the host nothing; one
/// that grows past the limit unannounced (chunked) is stopped by Kestrel when it gets there.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>What any endpoint but the upload takes: the review form of a document of thousands of lines is well under it.</summary>
    public const long DefaultBytes = 8L * 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        long? limit = declared is null ? DefaultBytes : declared.MaxRequestBodySize;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem($"The request body of {Megabytes(context.Request.ContentLength.Value)} is larger than {context.Request.Path} takes ({Megabytes(limit.Value)}).",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }
        await next();
    });

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";
}
