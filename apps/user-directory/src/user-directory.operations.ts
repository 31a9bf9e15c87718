import { UserDirectoryOperations } from '@idfed/contracts';
import { OperationBinding, serve } from '@idfed/service-runtime';
import { AdminInitiateAuthUseCase } from './auth/admin-initiate-auth.use-case';
import { AdminRespondToAuthChallengeUseCase } from './auth/admin-respond-to-auth-challenge.use-case';
import { AdminUserGlobalSignOutUseCase } from './auth/admin-user-global-sign-out.use-case';
import { GetUserUseCase } from './auth/get-user.use-case';
import { GetUserAuthFactorsUseCase } from './auth/get-user-auth-factors.use-case';
import { GlobalSignOutUseCase } from './auth/global-sign-out.use-case';
import { InitiateAuthUseCase } from './auth/initiate-auth.use-case';
import { RespondToAuthChallengeUseCase } from './auth/respond-to-auth-challenge.use-case';
import { RevokeTokenUseCase } from './auth/revoke-token.use-case';
import { CreateUserPoolClientUseCase } from './clients/create-user-pool-client.use-case';
import { DeleteUserPoolClientUseCase } from './clients/delete-user-pool-client.use-case';
import { AddUserPoolClientSecretUseCase } from './clients/add-user-pool-client-secret.use-case';
import { ListUserPoolClientSecretsUseCase } from './clients/list-user-pool-client-secrets.use-case';
import { DeleteUserPoolClientSecretUseCase } from './clients/delete-user-pool-client-secret.use-case';
import { DescribeUserPoolClientUseCase } from './clients/describe-user-pool-client.use-case';
import { ListUserPoolClientsUseCase } from './clients/list-user-pool-clients.use-case';
import { UpdateUserPoolClientUseCase } from './clients/update-user-pool-client.use-case';
import { AdminResetUserPasswordUseCase } from './users/admin-reset-user-password.use-case';
import { CreateUserPoolDomainUseCase } from './domains/create-user-pool-domain.use-case';
import { DeleteUserPoolDomainUseCase } from './domains/delete-user-pool-domain.use-case';
import { DescribeUserPoolDomainUseCase } from './domains/describe-user-pool-domain.use-case';
import { ResolveUserPoolDomainUseCase } from './domains/resolve-user-pool-domain.use-case';
import { UpdateUserPoolDomainUseCase } from './domains/update-user-pool-domain.use-case';
import { ConfirmDeviceUseCase } from './devices/confirm-device.use-case';
import { UpdateDeviceStatusUseCase } from './devices/update-device-status.use-case';
import { AdminUpdateDeviceStatusUseCase } from './devices/admin-update-device-status.use-case';
import { ListDevicesUseCase } from './devices/list-devices.use-case';
import { AdminListDevicesUseCase } from './devices/admin-list-devices.use-case';
import { GetDeviceUseCase } from './devices/get-device.use-case';
import { AdminGetDeviceUseCase } from './devices/admin-get-device.use-case';
import { ForgetDeviceUseCase } from './devices/forget-device.use-case';
import { AdminForgetDeviceUseCase } from './devices/admin-forget-device.use-case';
import { StartWebAuthnRegistrationUseCase } from './webauthn/start-web-authn-registration.use-case';
import { CompleteWebAuthnRegistrationUseCase } from './webauthn/complete-web-authn-registration.use-case';
import { ListWebAuthnCredentialsUseCase } from './webauthn/list-web-authn-credentials.use-case';
import { DeleteWebAuthnCredentialUseCase } from './webauthn/delete-web-authn-credential.use-case';
import { OAuthAuthorizeUseCase } from './oauth/oauth-authorize.use-case';
import { OAuthConfirmForgotPasswordUseCase } from './oauth/oauth-confirm-forgot-password.use-case';
import { OAuthConfirmSignUpUseCase } from './oauth/oauth-confirm-sign-up.use-case';
import { OAuthConfirmLinkUseCase } from './oauth/oauth-confirm-link.use-case';
import { OAuthForgotPasswordUseCase } from './oauth/oauth-forgot-password.use-case';
import { OAuthLogoutUseCase } from './oauth/oauth-logout.use-case';
import { OAuthMfaUseCase } from './oauth/oauth-mfa.use-case';
import { OAuthNewPasswordUseCase } from './oauth/oauth-new-password.use-case';
import { OAuthResendCodeUseCase } from './oauth/oauth-resend-code.use-case';
import { OAuthRevokeUseCase } from './oauth/oauth-revoke.use-case';
import { OAuthSignInUseCase } from './oauth/oauth-sign-in.use-case';
import { OAuthSignUpUseCase } from './oauth/oauth-sign-up.use-case';
import { SamlAuthorizeUseCase } from './saml/saml-authorize.use-case';
import { SamlLogoutUseCase } from './saml/saml-logout.use-case';
import { SamlResponseUseCase } from './saml/saml-response.use-case';
import { OAuthTokenUseCase } from './oauth/oauth-token.use-case';
import { OAuthUserInfoUseCase } from './oauth/oauth-user-info.use-case';
import { OAuthIdpResponseUseCase } from './relying-party/oauth-idp-response.use-case';
import { AdminSetUserMFAPreferenceUseCase } from './mfa/admin-set-user-mfa-preference.use-case';
import { AssociateSoftwareTokenUseCase } from './mfa/associate-software-token.use-case';
import { GetUserPoolMfaConfigUseCase } from './mfa/get-user-pool-mfa-config.use-case';
import { SetUserMFAPreferenceUseCase } from './mfa/set-user-mfa-preference.use-case';
import { SetUserSettingsUseCase } from './mfa/set-user-settings.use-case';
import { GetTokensFromRefreshTokenUseCase } from './auth/get-tokens-from-refresh-token.use-case';
import { GetClientTokenUseCase } from './oauth/get-client-token.use-case';
import { GetDerivedTokenUseCase } from './oauth/get-derived-token.use-case';
import { AdminSetUserSettingsUseCase } from './mfa/admin-set-user-settings.use-case';
import { AdminDeleteSoftwareTokenUseCase } from './mfa/admin-delete-software-token.use-case';
import { SetUserPoolMfaConfigUseCase } from './mfa/set-user-pool-mfa-config.use-case';
import { VerifySoftwareTokenUseCase } from './mfa/verify-software-token.use-case';
import { AdminAddUserToGroupUseCase } from './groups/admin-add-user-to-group.use-case';
import { AdminListGroupsForUserUseCase } from './groups/admin-list-groups-for-user.use-case';
import { AdminRemoveUserFromGroupUseCase } from './groups/admin-remove-user-from-group.use-case';
import { CreateGroupUseCase } from './groups/create-group.use-case';
import { DeleteGroupUseCase } from './groups/delete-group.use-case';
import { GetGroupUseCase } from './groups/get-group.use-case';
import { ListGroupsUseCase } from './groups/list-groups.use-case';
import { ListUsersInGroupUseCase } from './groups/list-users-in-group.use-case';
import { UpdateGroupUseCase } from './groups/update-group.use-case';
import { AddCustomAttributesUseCase } from './pools/add-custom-attributes.use-case';
import { CreateUserPoolUseCase } from './pools/create-user-pool.use-case';
import { DeleteUserPoolUseCase } from './pools/delete-user-pool.use-case';
import { DescribeUserPoolUseCase } from './pools/describe-user-pool.use-case';
import { UpdateUserPoolUseCase } from './pools/update-user-pool.use-case';
import { GetJwksUseCase } from './pools/get-jwks.use-case';
import { ListTagsForResourceUseCase } from './pools/tags/list-tags-for-resource.use-case';
import { TagResourceUseCase } from './pools/tags/tag-resource.use-case';
import { UntagResourceUseCase } from './pools/tags/untag-resource.use-case';
import { ListUserPoolsUseCase } from './pools/list-user-pools.use-case';
import { CreateIdentityProviderUseCase } from './providers/create-identity-provider.use-case';
import { DeleteIdentityProviderUseCase } from './providers/delete-identity-provider.use-case';
import { DescribeIdentityProviderUseCase } from './providers/describe-identity-provider.use-case';
import { GetIdentityProviderByIdentifierUseCase } from './providers/get-identity-provider-by-identifier.use-case';
import { ListIdentityProvidersUseCase } from './providers/list-identity-providers.use-case';
import { UpdateIdentityProviderUseCase } from './providers/update-identity-provider.use-case';
import { CreateResourceServerUseCase } from './resource-servers/create-resource-server.use-case';
import { DeleteResourceServerUseCase } from './resource-servers/delete-resource-server.use-case';
import { DescribeResourceServerUseCase } from './resource-servers/describe-resource-server.use-case';
import { ListResourceServersUseCase } from './resource-servers/list-resource-servers.use-case';
import { UpdateResourceServerUseCase } from './resource-servers/update-resource-server.use-case';
import { AdminDisableProviderForUserUseCase } from './federation/admin-disable-provider-for-user.use-case';
import { AdminLinkProviderForUserUseCase } from './federation/admin-link-provider-for-user.use-case';
import { SignInFederatedUserUseCase } from './federation/sign-in-federated-user.use-case';
import { GetUICustomizationUseCase } from './ui-customization/get-ui-customization.use-case';
import { GetSigningCertificateUseCase } from './saml/get-signing-certificate.use-case';
import { SetUICustomizationUseCase } from './ui-customization/set-ui-customization.use-case';
import { OAuthUICustomizationUseCase } from './ui-customization/oauth-ui-customization.use-case';
import { CreateManagedLoginBrandingUseCase } from './managed-login/create-managed-login-branding.use-case';
import {
  DescribeManagedLoginBrandingByClientUseCase,
  DescribeManagedLoginBrandingUseCase,
} from './managed-login/describe-managed-login-branding.use-case';
import { UpdateManagedLoginBrandingUseCase } from './managed-login/update-managed-login-branding.use-case';
import { DeleteManagedLoginBrandingUseCase } from './managed-login/delete-managed-login-branding.use-case';
import { OAuthManagedLoginAssetUseCase } from './managed-login/oauth-managed-login-asset.use-case';
import { CreateTermsUseCase } from './managed-login/create-terms.use-case';
import { DescribeTermsByClientUseCase, DescribeTermsUseCase } from './managed-login/describe-terms.use-case';
import { ListTermsUseCase } from './managed-login/list-terms.use-case';
import { UpdateTermsUseCase } from './managed-login/update-terms.use-case';
import { DeleteTermsUseCase } from './managed-login/delete-terms.use-case';
import { SetRiskConfigurationUseCase } from './risk/set-risk-configuration.use-case';
import { DescribeRiskConfigurationUseCase } from './risk/describe-risk-configuration.use-case';
import { SetLogDeliveryConfigurationUseCase } from './risk/set-log-delivery-configuration.use-case';
import { GetLogDeliveryConfigurationUseCase } from './risk/get-log-delivery-configuration.use-case';
import { AdminListUserAuthEventsUseCase } from './risk/admin-list-user-auth-events.use-case';
import { AdminUpdateAuthEventFeedbackUseCase } from './risk/admin-update-auth-event-feedback.use-case';
import { AdminConfirmSignUpUseCase } from './users/admin-confirm-sign-up.use-case';
import { AdminCreateUserUseCase } from './users/admin-create-user.use-case';
import { AdminDeleteUserAttributesUseCase } from './users/admin-delete-user-attributes.use-case';
import { AdminDeleteUserUseCase } from './users/admin-delete-user.use-case';
import { AdminDisableUserUseCase } from './users/admin-disable-user.use-case';
import { AdminEnableUserUseCase } from './users/admin-enable-user.use-case';
import { AdminGetUserUseCase } from './users/admin-get-user.use-case';
import { AdminListUserSessionsUseCase } from './sessions/admin-list-user-sessions.use-case';
import { AdminRevokeUserSessionUseCase } from './sessions/admin-revoke-user-session.use-case';
import {
  GetUserPoolClientSessionConfigurationUseCase,
  SetUserPoolClientSessionConfigurationUseCase,
} from './sessions/client-session-configuration.use-cases';
import { ListUserSessionsUseCase } from './sessions/list-user-sessions.use-case';
import {
  GetUserPoolSessionConfigurationUseCase,
  SetUserPoolSessionConfigurationUseCase,
} from './sessions/pool-session-configuration.use-cases';
import { RevokeUserSessionUseCase } from './sessions/revoke-user-session.use-case';
import { AdminGetUserAuthFactorsUseCase } from './users/admin-get-user-auth-factors.use-case';
import { AdminSetUserPasswordUseCase } from './users/admin-set-user-password.use-case';
import { AdminUpdateUserAttributesUseCase } from './users/admin-update-user-attributes.use-case';
import { ChangePasswordUseCase } from './users/change-password.use-case';
import { ConfirmForgotPasswordUseCase } from './users/confirm-forgot-password.use-case';
import { ConfirmSignUpUseCase } from './users/confirm-sign-up.use-case';
import { DeleteUserAttributesUseCase } from './users/delete-user-attributes.use-case';
import { DeleteUserUseCase } from './users/delete-user.use-case';
import { ForgotPasswordUseCase } from './users/forgot-password.use-case';
import { GetUserAttributeVerificationCodeUseCase } from './users/get-user-attribute-verification-code.use-case';
import { ListUsersUseCase } from './users/list-users.use-case';
import { ResendConfirmationCodeUseCase } from './users/resend-confirmation-code.use-case';
import { SignUpUseCase } from './users/sign-up.use-case';
import { UpdateUserAttributesUseCase } from './users/update-user-attributes.use-case';
import { VerifyUserAttributeUseCase } from './users/verify-user-attribute.use-case';
import { CreateUserImportJobUseCase } from './import/create-user-import-job.use-case';
import { StartUserImportJobUseCase } from './import/start-user-import-job.use-case';
import { StopUserImportJobUseCase } from './import/stop-user-import-job.use-case';
import { DescribeUserImportJobUseCase } from './import/describe-user-import-job.use-case';
import { ListUserImportJobsUseCase } from './import/list-user-import-jobs.use-case';
import { GetCSVHeaderUseCase } from './import/get-csv-header.use-case';
import { UploadUserImportCsvUseCase } from './import/upload-user-import-csv.use-case';
import { GetUserImportJobLogUseCase } from './import/get-user-import-job-log.use-case';

/**
 * The user directory's operation registry: every operation of its contract, bound to the class that
 * serves it. The service refuses to start if one is missing or foreign (ServiceModule).
 */
export const USER_DIRECTORY_OPERATIONS: OperationBinding[] = [
  serve(UserDirectoryOperations.CreateUserPool, CreateUserPoolUseCase),
  serve(UserDirectoryOperations.DescribeUserPool, DescribeUserPoolUseCase),
  serve(UserDirectoryOperations.ListUserPools, ListUserPoolsUseCase),
  serve(UserDirectoryOperations.UpdateUserPool, UpdateUserPoolUseCase),
  serve(UserDirectoryOperations.DeleteUserPool, DeleteUserPoolUseCase),
  serve(UserDirectoryOperations.AddCustomAttributes, AddCustomAttributesUseCase),
  serve(UserDirectoryOperations.CreateUserPoolClient, CreateUserPoolClientUseCase),
  serve(UserDirectoryOperations.DescribeUserPoolClient, DescribeUserPoolClientUseCase),
  serve(UserDirectoryOperations.ListUserPoolClients, ListUserPoolClientsUseCase),
  serve(UserDirectoryOperations.UpdateUserPoolClient, UpdateUserPoolClientUseCase),
  serve(UserDirectoryOperations.DeleteUserPoolClient, DeleteUserPoolClientUseCase),
  serve(UserDirectoryOperations.AddUserPoolClientSecret, AddUserPoolClientSecretUseCase),
  serve(UserDirectoryOperations.ListUserPoolClientSecrets, ListUserPoolClientSecretsUseCase),
  serve(UserDirectoryOperations.DeleteUserPoolClientSecret, DeleteUserPoolClientSecretUseCase),
  serve(UserDirectoryOperations.AdminResetUserPassword, AdminResetUserPasswordUseCase),
  serve(UserDirectoryOperations.CreateUserPoolDomain, CreateUserPoolDomainUseCase),
  serve(UserDirectoryOperations.DescribeUserPoolDomain, DescribeUserPoolDomainUseCase),
  serve(UserDirectoryOperations.UpdateUserPoolDomain, UpdateUserPoolDomainUseCase),
  serve(UserDirectoryOperations.DeleteUserPoolDomain, DeleteUserPoolDomainUseCase),
  serve(UserDirectoryOperations.ResolveUserPoolDomain, ResolveUserPoolDomainUseCase),
  serve(UserDirectoryOperations.OAuthAuthorize, OAuthAuthorizeUseCase),
  serve(UserDirectoryOperations.OAuthSignIn, OAuthSignInUseCase),
  serve(UserDirectoryOperations.OAuthIdpResponse, OAuthIdpResponseUseCase),
  serve(UserDirectoryOperations.OAuthNewPassword, OAuthNewPasswordUseCase),
  serve(UserDirectoryOperations.OAuthToken, OAuthTokenUseCase),
  serve(UserDirectoryOperations.OAuthUserInfo, OAuthUserInfoUseCase),
  serve(UserDirectoryOperations.OAuthRevoke, OAuthRevokeUseCase),
  serve(UserDirectoryOperations.OAuthLogout, OAuthLogoutUseCase),
  serve(UserDirectoryOperations.OAuthSignUp, OAuthSignUpUseCase),
  serve(UserDirectoryOperations.OAuthConfirmSignUp, OAuthConfirmSignUpUseCase),
  serve(UserDirectoryOperations.OAuthConfirmLink, OAuthConfirmLinkUseCase),
  serve(UserDirectoryOperations.OAuthResendCode, OAuthResendCodeUseCase),
  serve(UserDirectoryOperations.OAuthForgotPassword, OAuthForgotPasswordUseCase),
  serve(UserDirectoryOperations.OAuthConfirmForgotPassword, OAuthConfirmForgotPasswordUseCase),
  serve(UserDirectoryOperations.OAuthMfa, OAuthMfaUseCase),
  serve(UserDirectoryOperations.SignUp, SignUpUseCase),
  serve(UserDirectoryOperations.ConfirmSignUp, ConfirmSignUpUseCase),
  serve(UserDirectoryOperations.ResendConfirmationCode, ResendConfirmationCodeUseCase),
  serve(UserDirectoryOperations.AdminConfirmSignUp, AdminConfirmSignUpUseCase),
  serve(UserDirectoryOperations.AdminGetUser, AdminGetUserUseCase),
  serve(UserDirectoryOperations.AdminGetUserAuthFactors, AdminGetUserAuthFactorsUseCase),
  serve(UserDirectoryOperations.AdminDeleteUser, AdminDeleteUserUseCase),
  serve(UserDirectoryOperations.InitiateAuth, InitiateAuthUseCase),
  serve(UserDirectoryOperations.RespondToAuthChallenge, RespondToAuthChallengeUseCase),
  serve(UserDirectoryOperations.GetUser, GetUserUseCase),
  serve(UserDirectoryOperations.GetUserAuthFactors, GetUserAuthFactorsUseCase),
  serve(UserDirectoryOperations.GlobalSignOut, GlobalSignOutUseCase),
  serve(UserDirectoryOperations.AdminUserGlobalSignOut, AdminUserGlobalSignOutUseCase),
  serve(UserDirectoryOperations.RevokeToken, RevokeTokenUseCase),
  serve(UserDirectoryOperations.ListUserSessions, ListUserSessionsUseCase),
  serve(UserDirectoryOperations.AdminListUserSessions, AdminListUserSessionsUseCase),
  serve(UserDirectoryOperations.RevokeUserSession, RevokeUserSessionUseCase),
  serve(UserDirectoryOperations.AdminRevokeUserSession, AdminRevokeUserSessionUseCase),
  serve(UserDirectoryOperations.GetUserPoolSessionConfiguration, GetUserPoolSessionConfigurationUseCase),
  serve(UserDirectoryOperations.SetUserPoolSessionConfiguration, SetUserPoolSessionConfigurationUseCase),
  serve(
    UserDirectoryOperations.GetUserPoolClientSessionConfiguration,
    GetUserPoolClientSessionConfigurationUseCase,
  ),
  serve(
    UserDirectoryOperations.SetUserPoolClientSessionConfiguration,
    SetUserPoolClientSessionConfigurationUseCase,
  ),
  serve(UserDirectoryOperations.AdminDisableUser, AdminDisableUserUseCase),
  serve(UserDirectoryOperations.AdminEnableUser, AdminEnableUserUseCase),
  serve(UserDirectoryOperations.ForgotPassword, ForgotPasswordUseCase),
  serve(UserDirectoryOperations.ConfirmForgotPassword, ConfirmForgotPasswordUseCase),
  serve(UserDirectoryOperations.ChangePassword, ChangePasswordUseCase),
  serve(UserDirectoryOperations.AdminSetUserPassword, AdminSetUserPasswordUseCase),
  serve(UserDirectoryOperations.AdminCreateUser, AdminCreateUserUseCase),
  serve(UserDirectoryOperations.ListUsers, ListUsersUseCase),
  serve(UserDirectoryOperations.AdminUpdateUserAttributes, AdminUpdateUserAttributesUseCase),
  serve(UserDirectoryOperations.UpdateUserAttributes, UpdateUserAttributesUseCase),
  serve(UserDirectoryOperations.AdminDeleteUserAttributes, AdminDeleteUserAttributesUseCase),
  serve(UserDirectoryOperations.DeleteUserAttributes, DeleteUserAttributesUseCase),
  serve(UserDirectoryOperations.VerifyUserAttribute, VerifyUserAttributeUseCase),
  serve(UserDirectoryOperations.GetUserAttributeVerificationCode, GetUserAttributeVerificationCodeUseCase),
  serve(UserDirectoryOperations.DeleteUser, DeleteUserUseCase),
  serve(UserDirectoryOperations.AdminInitiateAuth, AdminInitiateAuthUseCase),
  serve(UserDirectoryOperations.AdminRespondToAuthChallenge, AdminRespondToAuthChallengeUseCase),
  serve(UserDirectoryOperations.ConfirmDevice, ConfirmDeviceUseCase),
  serve(UserDirectoryOperations.UpdateDeviceStatus, UpdateDeviceStatusUseCase),
  serve(UserDirectoryOperations.AdminUpdateDeviceStatus, AdminUpdateDeviceStatusUseCase),
  serve(UserDirectoryOperations.ListDevices, ListDevicesUseCase),
  serve(UserDirectoryOperations.AdminListDevices, AdminListDevicesUseCase),
  serve(UserDirectoryOperations.GetDevice, GetDeviceUseCase),
  serve(UserDirectoryOperations.AdminGetDevice, AdminGetDeviceUseCase),
  serve(UserDirectoryOperations.ForgetDevice, ForgetDeviceUseCase),
  serve(UserDirectoryOperations.AdminForgetDevice, AdminForgetDeviceUseCase),
  serve(UserDirectoryOperations.StartWebAuthnRegistration, StartWebAuthnRegistrationUseCase),
  serve(UserDirectoryOperations.CompleteWebAuthnRegistration, CompleteWebAuthnRegistrationUseCase),
  serve(UserDirectoryOperations.ListWebAuthnCredentials, ListWebAuthnCredentialsUseCase),
  serve(UserDirectoryOperations.DeleteWebAuthnCredential, DeleteWebAuthnCredentialUseCase),
  serve(UserDirectoryOperations.CreateGroup, CreateGroupUseCase),
  serve(UserDirectoryOperations.GetGroup, GetGroupUseCase),
  serve(UserDirectoryOperations.UpdateGroup, UpdateGroupUseCase),
  serve(UserDirectoryOperations.DeleteGroup, DeleteGroupUseCase),
  serve(UserDirectoryOperations.ListGroups, ListGroupsUseCase),
  serve(UserDirectoryOperations.AdminAddUserToGroup, AdminAddUserToGroupUseCase),
  serve(UserDirectoryOperations.AdminRemoveUserFromGroup, AdminRemoveUserFromGroupUseCase),
  serve(UserDirectoryOperations.AdminListGroupsForUser, AdminListGroupsForUserUseCase),
  serve(UserDirectoryOperations.ListUsersInGroup, ListUsersInGroupUseCase),
  serve(UserDirectoryOperations.TagResource, TagResourceUseCase),
  serve(UserDirectoryOperations.UntagResource, UntagResourceUseCase),
  serve(UserDirectoryOperations.ListTagsForResource, ListTagsForResourceUseCase),
  serve(UserDirectoryOperations.GetJwks, GetJwksUseCase),
  serve(UserDirectoryOperations.SetUserPoolMfaConfig, SetUserPoolMfaConfigUseCase),
  serve(UserDirectoryOperations.GetUserPoolMfaConfig, GetUserPoolMfaConfigUseCase),
  serve(UserDirectoryOperations.AssociateSoftwareToken, AssociateSoftwareTokenUseCase),
  serve(UserDirectoryOperations.VerifySoftwareToken, VerifySoftwareTokenUseCase),
  serve(UserDirectoryOperations.SetUserMFAPreference, SetUserMFAPreferenceUseCase),
  serve(UserDirectoryOperations.AdminSetUserMFAPreference, AdminSetUserMFAPreferenceUseCase),
  serve(UserDirectoryOperations.GetTokensFromRefreshToken, GetTokensFromRefreshTokenUseCase),
  serve(UserDirectoryOperations.GetClientToken, GetClientTokenUseCase),
  serve(UserDirectoryOperations.GetDerivedToken, GetDerivedTokenUseCase),
  serve(UserDirectoryOperations.SetUserSettings, SetUserSettingsUseCase),
  serve(UserDirectoryOperations.AdminSetUserSettings, AdminSetUserSettingsUseCase),
  serve(UserDirectoryOperations.AdminDeleteSoftwareToken, AdminDeleteSoftwareTokenUseCase),
  serve(UserDirectoryOperations.CreateIdentityProvider, CreateIdentityProviderUseCase),
  serve(UserDirectoryOperations.DescribeIdentityProvider, DescribeIdentityProviderUseCase),
  serve(UserDirectoryOperations.UpdateIdentityProvider, UpdateIdentityProviderUseCase),
  serve(UserDirectoryOperations.DeleteIdentityProvider, DeleteIdentityProviderUseCase),
  serve(UserDirectoryOperations.ListIdentityProviders, ListIdentityProvidersUseCase),
  serve(UserDirectoryOperations.GetIdentityProviderByIdentifier, GetIdentityProviderByIdentifierUseCase),
  serve(UserDirectoryOperations.CreateResourceServer, CreateResourceServerUseCase),
  serve(UserDirectoryOperations.DescribeResourceServer, DescribeResourceServerUseCase),
  serve(UserDirectoryOperations.UpdateResourceServer, UpdateResourceServerUseCase),
  serve(UserDirectoryOperations.DeleteResourceServer, DeleteResourceServerUseCase),
  serve(UserDirectoryOperations.ListResourceServers, ListResourceServersUseCase),
  serve(UserDirectoryOperations.SetUICustomization, SetUICustomizationUseCase),
  serve(UserDirectoryOperations.GetUICustomization, GetUICustomizationUseCase),
  serve(UserDirectoryOperations.SetRiskConfiguration, SetRiskConfigurationUseCase),
  serve(UserDirectoryOperations.DescribeRiskConfiguration, DescribeRiskConfigurationUseCase),
  serve(UserDirectoryOperations.SetLogDeliveryConfiguration, SetLogDeliveryConfigurationUseCase),
  serve(UserDirectoryOperations.GetLogDeliveryConfiguration, GetLogDeliveryConfigurationUseCase),
  serve(UserDirectoryOperations.AdminListUserAuthEvents, AdminListUserAuthEventsUseCase),
  serve(UserDirectoryOperations.AdminUpdateAuthEventFeedback, AdminUpdateAuthEventFeedbackUseCase),
  serve(UserDirectoryOperations.GetSigningCertificate, GetSigningCertificateUseCase),
  serve(UserDirectoryOperations.OAuthUICustomization, OAuthUICustomizationUseCase),
  serve(UserDirectoryOperations.CreateManagedLoginBranding, CreateManagedLoginBrandingUseCase),
  serve(UserDirectoryOperations.DescribeManagedLoginBranding, DescribeManagedLoginBrandingUseCase),
  serve(
    UserDirectoryOperations.DescribeManagedLoginBrandingByClient,
    DescribeManagedLoginBrandingByClientUseCase,
  ),
  serve(UserDirectoryOperations.UpdateManagedLoginBranding, UpdateManagedLoginBrandingUseCase),
  serve(UserDirectoryOperations.DeleteManagedLoginBranding, DeleteManagedLoginBrandingUseCase),
  serve(UserDirectoryOperations.OAuthManagedLoginAsset, OAuthManagedLoginAssetUseCase),
  serve(UserDirectoryOperations.CreateTerms, CreateTermsUseCase),
  serve(UserDirectoryOperations.DescribeTerms, DescribeTermsUseCase),
  serve(UserDirectoryOperations.DescribeTermsByClient, DescribeTermsByClientUseCase),
  serve(UserDirectoryOperations.ListTerms, ListTermsUseCase),
  serve(UserDirectoryOperations.UpdateTerms, UpdateTermsUseCase),
  serve(UserDirectoryOperations.DeleteTerms, DeleteTermsUseCase),
  serve(UserDirectoryOperations.AdminLinkProviderForUser, AdminLinkProviderForUserUseCase),
  serve(UserDirectoryOperations.AdminDisableProviderForUser, AdminDisableProviderForUserUseCase),
  serve(UserDirectoryOperations.SignInFederatedUser, SignInFederatedUserUseCase),
  serve(UserDirectoryOperations.SamlAuthorize, SamlAuthorizeUseCase),
  serve(UserDirectoryOperations.SamlResponse, SamlResponseUseCase),
  serve(UserDirectoryOperations.SamlLogout, SamlLogoutUseCase),
  serve(UserDirectoryOperations.CreateUserImportJob, CreateUserImportJobUseCase),
  serve(UserDirectoryOperations.StartUserImportJob, StartUserImportJobUseCase),
  serve(UserDirectoryOperations.StopUserImportJob, StopUserImportJobUseCase),
  serve(UserDirectoryOperations.DescribeUserImportJob, DescribeUserImportJobUseCase),
  serve(UserDirectoryOperations.ListUserImportJobs, ListUserImportJobsUseCase),
  serve(UserDirectoryOperations.GetCSVHeader, GetCSVHeaderUseCase),
  serve(UserDirectoryOperations.UploadUserImportCsv, UploadUserImportCsvUseCase),
  serve(UserDirectoryOperations.GetUserImportJobLog, GetUserImportJobLogUseCase),
];
