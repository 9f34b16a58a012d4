using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IngestPipeline.Infrastructure.State;

// Used by `dotnet ef migrations add` only: the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePipelineDbContext>
{
    public SqlitePipelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePipelineDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPipelineDbContext>
{
    public PostgresPipelineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPipelineDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
