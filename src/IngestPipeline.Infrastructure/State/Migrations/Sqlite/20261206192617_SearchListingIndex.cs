using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IngestPipeline.Infrastructure.State.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Documents_Listing",
                table: "Documents",
                columns: new[] { "Id", "Dated", "FileName", "Collection", "Sender", "Recipients", "Classification" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_Listing",
                table: "Documents");
        }
    }
}
