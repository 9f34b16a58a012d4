using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionLexicon : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LexiconRemovals",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiconRemovals", x => new { x.Collection, x.Word });
                });

            migrationBuilder.CreateTable(
                name: "LexiconSightings",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiconSightings", x => new { x.Collection, x.Word, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_LexiconSightings_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LexiconSightings_DocumentId",
                table: "LexiconSightings",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LexiconRemovals");

            migrationBuilder.DropTable(
                name: "LexiconSightings");
        }
    }
}
