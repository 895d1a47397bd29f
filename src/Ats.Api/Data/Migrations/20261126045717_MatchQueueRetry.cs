using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Ats.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchQueueRetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "match_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "match_queue",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "not_before",
                table: "match_queue",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts",
                table: "match_queue");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "match_queue");

            migrationBuilder.DropColumn(
                name: "not_before",
                table: "match_queue");
        }
    }
}
