using IngestPipeline.Infrastructure.State;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Web.Pages;

/// <summary>The collections documents were uploaded into, for the pages' collection filters.</summary>
public static class CollectionNames
{
    public static Task<List<string>> ListAsync(PipelineDbContext db, CancellationToken cancellation) =>
        db.Documents.Where(d => d.Collection != null).Select(d => d.Collection!).Distinct().OrderBy(c => c).Take(200).ToListAsync(cancellation);
}
