using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "Documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CollectionAssignments",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionAssignments", x => x.Collection);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_AssignedTo",
                table: "Documents",
                column: "AssignedTo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollectionAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Documents_AssignedTo",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "Documents");
        }
    }
}
