using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "Documents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            // The full-text index (SqliteDocumentSearch). It keeps its own copy of the words, keyed by the document's id:
            // an index keyed by the table's rowid would go wrong when a later migration rebuilds the table. Triggers keep
            // it in step with every insert, change and delete, whatever code makes them. Dropping Documents drops them: a later
            // migration that rebuilds the table must create them again (SearchTests fail if it does not).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DocumentSearch USING fts5(DocumentId UNINDEXED, FileName, Subject, Text, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO DocumentSearch (DocumentId, FileName, Subject, Text) SELECT Id, FileName, coalesce(Subject, ''), coalesce(Text, '') FROM Documents;
                CREATE TRIGGER DocumentSearch_Insert AFTER INSERT ON Documents BEGIN
                    INSERT INTO DocumentSearch (DocumentId, FileName, Subject, Text) VALUES (new.Id, new.FileName, coalesce(new.Subject, ''), coalesce(new.Text, ''));
                END;
                CREATE TRIGGER DocumentSearch_Update AFTER UPDATE OF FileName, Subject, Text ON Documents BEGIN
                    DELETE FROM DocumentSearch WHERE DocumentId = old.Id;
                    INSERT INTO DocumentSearch (DocumentId, FileName, Subject, Text) VALUES (new.Id, new.FileName, coalesce(new.Subject, ''), coalesce(new.Text, ''));
                END;
                CREATE TRIGGER DocumentSearch_Delete AFTER DELETE ON Documents BEGIN
                    DELETE FROM DocumentSearch WHERE DocumentId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER DocumentSearch_Insert;
                DROP TRIGGER DocumentSearch_Update;
                DROP TRIGGER DocumentSearch_Delete;
                DROP TABLE DocumentSearch;
                """);

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "Documents");
        }
    }
}
