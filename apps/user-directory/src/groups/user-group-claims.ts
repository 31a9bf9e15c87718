/**
 * The groups of the user `userSubSql` names, as a JSON array of GroupClaim (`[]` for none): a
 * correlated subquery, so a caller's one query can bring the user's groups along (the refresh
 * lookup and the insert of a new session's refresh token do).
 */
export function groupClaimsSubquery(userSubSql: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'name', g.name, 'roleArn', g.role_arn, 'precedence', g.precedence)), '[]'::json)
             FROM user_directory.user_groups ug
             JOIN user_directory.groups g ON g.pool_id = ug.pool_id AND g.name = ug.group_name
            WHERE ug.user_sub = ${userSubSql})`;
}
