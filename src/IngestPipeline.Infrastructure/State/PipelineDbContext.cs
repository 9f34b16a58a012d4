using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Infrastructure.State;

/// <summary>
/// The pipeline's state. One model for both providers; <see cref="SqlitePipelineDbContext"/> and
/// <see cref="PostgresPipelineDbContext"/> exist so each keeps its own migrations.
/// </summary>
public abstract class PipelineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentPage> Pages => Set<DocumentPage>();
    public DbSet<ReviewTask> ReviewTasks => Set<ReviewTask>();
    public DbSet<IngestionRun> IngestionRuns => Set<IngestionRun>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Document>(d =>
        {
            d.HasIndex(x => x.Sha256).IsUnique();
            d.HasIndex(x => new { x.Stage, x.StageChangedAt });
            d.HasIndex(x => x.Collection);
            d.Property(x => x.Sha256).HasMaxLength(64);
            d.Property(x => x.FileName).HasMaxLength(500);
            d.Property(x => x.Collection).HasMaxLength(200);
            d.Property(x => x.SourceArchive).HasMaxLength(200);
            d.Property(x => x.RecordId).HasMaxLength(200);
            d.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            d.HasMany(x => x.Pages).WithOne().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DocumentPage>(p =>
        {
            p.HasKey(x => new { x.DocumentId, x.Number });
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.HasIndex(x => new { x.Status, x.UpdatedAt });
        });
        model.Entity<ReviewTask>(r =>
        {
            r.HasIndex(x => x.DocumentId).IsUnique();
            r.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<IngestionRun>();
    }
}

public sealed class SqlitePipelineDbContext(DbContextOptions<SqlitePipelineDbContext> options) : PipelineDbContext(options);

public sealed class PostgresPipelineDbContext(DbContextOptions<PostgresPipelineDbContext> options) : PipelineDbContext(options);
