using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IngestPipeline.Infrastructure.State;

/// <summary>
/// The pipeline's state. One model for both providers; <see cref="SqlitePipelineDbContext"/> and
/// <see cref="PostgresPipelineDbContext"/> exist so each keeps its own migrations. The accounts (ASP.NET Core
/// Identity) live in the same database, so a review and its reviewer are saved in one transaction; so do the
/// data-protection keys that sign the login cookies, so every web host of a scale-out accepts the same cookie.
/// </summary>
public abstract class PipelineDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentPage> Pages => Set<DocumentPage>();
    public DbSet<ReviewTask> ReviewTasks => Set<ReviewTask>();
    public DbSet<IngestionRun> IngestionRuns => Set<IngestionRun>();
    public DbSet<DocumentVersion> Versions => Set<DocumentVersion>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<CollectionAssignment> CollectionAssignments => Set<CollectionAssignment>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<BatchEntry> BatchEntries => Set<BatchEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReviewExample> ReviewExamples => Set<ReviewExample>();
    public DbSet<ApprovalScore> ApprovalScores => Set<ApprovalScore>();
    public DbSet<LexiconSighting> LexiconSightings => Set<LexiconSighting>();
    public DbSet<LexiconRemoval> LexiconRemovals => Set<LexiconRemoval>();
    public DbSet<CollectionFault> CollectionFaults => Set<CollectionFault>();
    public DbSet<FaultRemoval> FaultRemovals => Set<FaultRemoval>();
    public DbSet<CollectionModel> CollectionModels => Set<CollectionModel>();
    public DbSet<CollectionDecision> CollectionDecisions => Set<CollectionDecision>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Document>(d =>
        {
            d.HasIndex(x => x.Sha256).IsUnique();
            d.HasIndex(x => new { x.Stage, x.StageChangedAt });
            d.HasIndex(x => x.Collection);
            // What searches filter and list by, beside the id, for SQLite: it keeps a row's columns in one record, where
            // these (added later) come after the transcript's JSON, hundreds of kilobytes a page; reading them from this
            // index instead takes a filtered search over 5,000 cables from 1.3 s to 25 ms (docs/benchmarks.md).
            // PostgreSQL keeps large values apart from the row (TOAST), so it reads these cheaply without one.
            if (Database.IsSqlite())
                d.HasIndex(x => new { x.Id, x.Dated, x.FileName, x.Collection, x.Sender, x.Recipients, x.Classification }).HasDatabaseName("IX_Documents_Listing");
            d.Property(x => x.Sha256).HasMaxLength(64);
            d.Property(x => x.FileName).HasMaxLength(500);
            d.Property(x => x.Collection).HasMaxLength(200);
            d.Property(x => x.SourceArchive).HasMaxLength(200);
            d.Property(x => x.RecordId).HasMaxLength(200);
            d.Property(x => x.Dated).HasMaxLength(40);
            d.Property(x => x.Sender).HasMaxLength(200);
            d.Property(x => x.Recipients).HasMaxLength(300);
            d.Property(x => x.Classification).HasMaxLength(40);
            d.Property(x => x.Subject).HasMaxLength(300);
            d.Property(x => x.AssignedTo).HasMaxLength(256);
            d.HasIndex(x => x.AssignedTo);
            d.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            d.HasMany(x => x.Pages).WithOne().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DocumentPage>(p =>
        {
            p.HasKey(x => new { x.DocumentId, x.Number });
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.SourceBlob).HasMaxLength(200);
            p.HasIndex(x => new { x.Status, x.UpdatedAt });
        });
        model.Entity<ReviewTask>(r =>
        {
            r.HasIndex(x => x.DocumentId).IsUnique();
            r.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            r.Property(x => x.Revision).IsConcurrencyToken();
            r.Property(x => x.ClaimedBy).HasMaxLength(256);
            r.Property(x => x.DraftBy).HasMaxLength(256);
            r.Property(x => x.DecidedBy).HasMaxLength(256);
        });
        model.Entity<IngestionRun>();
        model.Entity<DocumentVersion>(v =>
        {
            v.HasKey(x => new { x.DocumentId, x.Number });
            v.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            v.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            v.Property(x => x.Author).HasMaxLength(256);
        });
        model.Entity<Publication>(p =>
        {
            p.HasKey(x => new { x.DocumentId, x.Version });
            p.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Comment>(c =>
        {
            c.HasIndex(x => new { x.DocumentId, x.CreatedAt });
            c.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            c.Property(x => x.Author).HasMaxLength(256);
            c.Property(x => x.Text).HasMaxLength(Comment.MaxLength);
            c.HasMany(x => x.Mentions).WithOne().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Mention>(m =>
        {
            m.HasKey(x => new { x.CommentId, x.UserName });
            m.HasIndex(x => new { x.UserName, x.SeenAt });
            m.Property(x => x.UserName).HasMaxLength(256);
        });
        model.Entity<CollectionAssignment>(a =>
        {
            a.HasKey(x => x.Collection);
            a.Property(x => x.Collection).HasMaxLength(200);
            a.Property(x => x.Reviewer).HasMaxLength(256);
            a.Property(x => x.AssignedBy).HasMaxLength(256);
        });
        model.Entity<Batch>(b =>
        {
            b.HasIndex(x => x.CreatedAt);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.CreatedBy).HasMaxLength(256);
            b.Property(x => x.Collection).HasMaxLength(200);
            b.HasMany(x => x.Entries).WithOne().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<BatchEntry>(e =>
        {
            e.HasIndex(x => x.BatchId);
            e.HasIndex(x => x.DocumentId);
            e.Property(x => x.FileName).HasMaxLength(500);
            e.Property(x => x.Error).HasMaxLength(1000);
            // A deleted document (a failed file removed to be sent again) leaves its line in the batch.
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        });
        model.Entity<ReviewExample>(e =>
        {
            e.HasIndex(x => x.DocumentId);
            e.HasIndex(x => new { x.Collection, x.DecidedAt });
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Collection).HasMaxLength(200);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Flag).HasMaxLength(20);
            e.Property(x => x.Model).HasMaxLength(100);
            e.Property(x => x.Reviewer).HasMaxLength(256);
        });
        model.Entity<ApprovalScore>(a =>
        {
            a.HasKey(x => x.DocumentId);
            a.HasIndex(x => new { x.Collection, x.ApprovedAt });
            a.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            a.Property(x => x.Collection).HasMaxLength(200);
            a.Property(x => x.Reviewer).HasMaxLength(256);
        });
        model.Entity<LexiconSighting>(w =>
        {
            w.HasKey(x => new { x.Collection, x.Word, x.DocumentId });
            w.HasIndex(x => x.DocumentId);
            w.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            w.Property(x => x.Collection).HasMaxLength(200);
            w.Property(x => x.Word).HasMaxLength(100);
        });
        model.Entity<LexiconRemoval>(r =>
        {
            r.HasKey(x => new { x.Collection, x.Word });
            r.Property(x => x.Collection).HasMaxLength(200);
            r.Property(x => x.Word).HasMaxLength(100);
            r.Property(x => x.RemovedBy).HasMaxLength(256);
        });
        model.Entity<CollectionFault>(f =>
        {
            f.HasKey(x => new { x.Collection, x.Fault });
            f.Property(x => x.Collection).HasMaxLength(200);
            f.Property(x => x.Fault).HasMaxLength(120);
            f.Property(x => x.From).HasMaxLength(64);
            f.Property(x => x.To).HasMaxLength(100);
        });
        model.Entity<FaultRemoval>(r =>
        {
            r.HasKey(x => new { x.Collection, x.Fault });
            r.Property(x => x.Collection).HasMaxLength(200);
            r.Property(x => x.Fault).HasMaxLength(120);
            r.Property(x => x.RemovedBy).HasMaxLength(256);
        });
        model.Entity<CollectionModel>(m =>
        {
            m.HasIndex(x => new { x.Collection, x.Number }).IsUnique();
            m.Property(x => x.Collection).HasMaxLength(200);
            m.Property(x => x.Version).HasMaxLength(100);
            m.Property(x => x.StartVersion).HasMaxLength(100);
            m.Property(x => x.TrainedBy).HasMaxLength(256);
        });
        model.Entity<CollectionDecision>(d =>
        {
            d.HasIndex(x => new { x.Collection, x.ChangedAt });
            d.HasOne<CollectionModel>().WithMany().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Restrict);
            d.Property(x => x.Collection).HasMaxLength(200);
            d.Property(x => x.Reason).HasMaxLength(50);
            d.Property(x => x.ChangedBy).HasMaxLength(256);
            d.Property(x => x.UndoneBy).HasMaxLength(256);
        });
        model.Entity<OutboxMessage>(m =>
        {
            m.ToTable("OutboxMessages");
            m.HasIndex(x => x.AvailableAt);
            m.HasIndex(x => x.Claim);
            m.Property(x => x.Queue).HasMaxLength(100);
            m.Property(x => x.Type).HasMaxLength(100);
            m.Property(x => x.TraceParent).HasMaxLength(64);
        });
        model.Entity<ApiKey>(k =>
        {
            k.HasIndex(x => x.KeyHash).IsUnique();
            k.Property(x => x.KeyHash).HasMaxLength(64);
            k.Property(x => x.Name).HasMaxLength(200);
            k.Property(x => x.Role).HasMaxLength(20);
        });
    }
}

public sealed class SqlitePipelineDbContext(DbContextOptions<SqlitePipelineDbContext> options) : PipelineDbContext(options);

public sealed class PostgresPipelineDbContext(DbContextOptions<PostgresPipelineDbContext> options) : PipelineDbContext(options);
