using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Ats.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchLogHorizon : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_log_horizon",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    pruned_through_transaction = table.Column<ulong>(type: "xid8", nullable: false),
                    pruned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_log_horizon", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_log_horizon");
        }
    }
}
