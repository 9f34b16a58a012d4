using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionFaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectionFaults",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionFaults", x => new { x.Collection, x.Fault });
                });

            migrationBuilder.CreateTable(
                name: "FaultRemovals",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fault = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaultRemovals", x => new { x.Collection, x.Fault });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollectionFaults");

            migrationBuilder.DropTable(
                name: "FaultRemovals");
        }
    }
}
