/**
 * The session policy every guest (unauthenticated) credential carries, whatever its role allows:
 * like AWS's enhanced flow, guests are scoped down to the services a signed-out app needs. The
 * effective permissions are the role's policies intersected with this.
 */
export const GUEST_SESSION_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'IdfedGuestScopeDown',
      Effect: 'Allow',
      Action: ['cognito-identity:*', 'cognito-sync:*', 'mobileanalytics:PutEvents', 'sts:GetCallerIdentity'],
      Resource: '*',
    },
  ],
});
