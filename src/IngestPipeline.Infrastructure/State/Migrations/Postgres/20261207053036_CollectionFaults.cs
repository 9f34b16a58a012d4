using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Postgres
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
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fault = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    From = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionFaults", x => new { x.Collection, x.Fault });
                });

            migrationBuilder.CreateTable(
                name: "FaultRemovals",
                columns: table => new
                {
                    Collection = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fault = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RemovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
