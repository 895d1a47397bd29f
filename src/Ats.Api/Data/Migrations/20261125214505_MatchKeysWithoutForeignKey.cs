using Microsoft.EntityFrameworkCore.Migrations;


namespace Ats.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchKeysWithoutForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_match_keys_candidates_candidate_id",
                table: "match_keys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_match_keys_candidates_candidate_id",
                table: "match_keys",
                column: "candidate_id",
                principalTable: "candidates",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
