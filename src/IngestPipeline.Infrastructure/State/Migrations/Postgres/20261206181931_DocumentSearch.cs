using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "Documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "Documents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // The full-text index (PostgresDocumentSearch): a generated column, so it follows every change by itself.
            migrationBuilder.Sql("""
                ALTER TABLE "Documents" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', coalesce("FileName", '')), 'A') ||
                    setweight(to_tsvector('simple', coalesce("Subject", '')), 'B') ||
                    to_tsvector('simple', coalesce("Text", ''))) STORED;
                CREATE INDEX "IX_Documents_SearchVector" ON "Documents" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Documents" DROP COLUMN "SearchVector";""");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "Documents");
        }
    }
}
