using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrainedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ModelJson = table.Column<string>(type: "text", nullable: false),
                    TargetPrecision = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    HeldOutJson = table.Column<string>(type: "text", nullable: false),
                    Documents = table.Column<int>(type: "integer", nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    UnreadableCases = table.Column<int>(type: "integer", nullable: false),
                    BeforeMarkers = table.Column<int>(type: "integer", nullable: false),
                    BeforeRightMarkers = table.Column<int>(type: "integer", nullable: false),
                    BeforeSpans = table.Column<int>(type: "integer", nullable: false),
                    BeforeFoundSpans = table.Column<int>(type: "integer", nullable: false),
                    AfterMarkers = table.Column<int>(type: "integer", nullable: false),
                    AfterRightMarkers = table.Column<int>(type: "integer", nullable: false),
                    AfterSpans = table.Column<int>(type: "integer", nullable: false),
                    AfterFoundSpans = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CollectionDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ModelId = table.Column<Guid>(type: "uuid", nullable: true),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    TargetPrecision = table.Column<double>(type: "double precision", nullable: false),
                    Reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
