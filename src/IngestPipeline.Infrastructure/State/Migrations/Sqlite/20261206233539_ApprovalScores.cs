using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewSeconds",
                table: "ReviewTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ApprovalScores",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    Characters = table.Column<int>(type: "INTEGER", nullable: false),
                    CharacterEdits = table.Column<int>(type: "INTEGER", nullable: false),
                    Words = table.Column<int>(type: "INTEGER", nullable: false),
                    WordEdits = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    RecalledMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    PipelineMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalScores", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_ApprovalScores_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalScores_Collection_ApprovedAt",
                table: "ApprovalScores",
                columns: new[] { "Collection", "ApprovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalScores");

            migrationBuilder.DropColumn(
                name: "ReviewSeconds",
                table: "ReviewTasks");
        }
    }
}
