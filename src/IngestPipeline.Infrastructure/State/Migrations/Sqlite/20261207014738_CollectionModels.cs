using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectionModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: false),
                    TargetPrecision = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    HeldOutJson = table.Column<string>(type: "TEXT", nullable: false),
                    Documents = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreadableCases = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeRightMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeSpans = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeFoundSpans = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterRightMarkers = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterSpans = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterFoundSpans = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CollectionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    TargetPrecision = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionDecisions_CollectionModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "CollectionModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionDecisions_Collection_ChangedAt",
                table: "CollectionDecisions",
                columns: new[] { "Collection", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionDecisions_ModelId",
                table: "CollectionDecisions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionModels_Collection_Number",
                table: "CollectionModels",
                columns: new[] { "Collection", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollectionDecisions");

            migrationBuilder.DropTable(
                name: "CollectionModels");
        }
    }
}
