using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Postgres
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
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RemovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LexiconRemovals", x => new { x.Collection, x.Word });
                });

            migrationBuilder.CreateTable(
                name: "LexiconSightings",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Word = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false)
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
