import { CredentialVendingOperations as O, WebIdentityOperations } from '@idfed/contracts';
import { OperationBinding, serve } from '@idfed/service-runtime';
import { AddClientIDToOpenIDConnectProviderHandler } from './oidc-providers/add-client-id-to-open-id-connect-provider.handler';
import { CreateOpenIDConnectProviderHandler } from './oidc-providers/create-open-id-connect-provider.handler';
import { DeleteOpenIDConnectProviderHandler } from './oidc-providers/delete-open-id-connect-provider.handler';
import { GetOpenIDConnectProviderHandler } from './oidc-providers/get-open-id-connect-provider.handler';
import { ListOpenIDConnectProvidersHandler } from './oidc-providers/list-open-id-connect-providers.handler';
import { RemoveClientIDFromOpenIDConnectProviderHandler } from './oidc-providers/remove-client-id-from-open-id-connect-provider.handler';
import { TagPolicyHandler } from './policies/tag-policy.handler';
import { UntagPolicyHandler } from './policies/untag-policy.handler';
import { ListPolicyTagsHandler } from './policies/list-policy-tags.handler';
import { TagOpenIDConnectProviderHandler } from './oidc-providers/tag-open-id-connect-provider.handler';
import { UntagOpenIDConnectProviderHandler } from './oidc-providers/untag-open-id-connect-provider.handler';
import { ListOpenIDConnectProviderTagsHandler } from './oidc-providers/list-open-id-connect-provider-tags.handler';
import { CreateGroupHandler } from './groups/create-group.handler';
import { GetGroupHandler } from './groups/get-group.handler';
import { ListGroupsHandler } from './groups/list-groups.handler';
import { UpdateGroupHandler } from './groups/update-group.handler';
import { DeleteGroupHandler } from './groups/delete-group.handler';
import { AddUserToGroupHandler } from './groups/add-user-to-group.handler';
import { RemoveUserFromGroupHandler } from './groups/remove-user-from-group.handler';
import { ListGroupsForUserHandler } from './groups/list-groups-for-user.handler';
import { PutGroupPolicyHandler } from './groups/put-group-policy.handler';
import { GetGroupPolicyHandler } from './groups/get-group-policy.handler';
import { DeleteGroupPolicyHandler } from './groups/delete-group-policy.handler';
import { ListGroupPoliciesHandler } from './groups/list-group-policies.handler';
import { AttachGroupPolicyHandler } from './groups/attach-group-policy.handler';
import { DetachGroupPolicyHandler } from './groups/detach-group-policy.handler';
import { ListAttachedGroupPoliciesHandler } from './groups/list-attached-group-policies.handler';
import { TagUserHandler } from './users/tag-user.handler';
import { UntagUserHandler } from './users/untag-user.handler';
import { ListUserTagsHandler } from './users/list-user-tags.handler';
import { CreatePolicyHandler } from './policies/create-policy.handler';
import { CreatePolicyVersionHandler } from './policies/create-policy-version.handler';
import { DeletePolicyVersionHandler } from './policies/delete-policy-version.handler';
import { GetPolicyVersionHandler } from './policies/get-policy-version.handler';
import { ListEntitiesForPolicyHandler } from './policies/list-entities-for-policy.handler';
import { ListPoliciesHandler } from './policies/list-policies.handler';
import { ListPolicyVersionsHandler } from './policies/list-policy-versions.handler';
import { SetDefaultPolicyVersionHandler } from './policies/set-default-policy-version.handler';
import { DeletePolicyHandler } from './policies/delete-policy.handler';
import { GetPolicyHandler } from './policies/get-policy.handler';
import { ListRevocationsHandler } from './revocations/list-revocations.handler';
import { ClaimGrpcCallIdsUseCase } from './grpc-call-ids/claim-grpc-call-ids.use-case';
import { RevokeRoleSessionsHandler } from './revocations/revoke-role-sessions.handler';
import { AttachRolePolicyHandler } from './roles/attach-role-policy.handler';
import { CreateRoleHandler } from './roles/create-role.handler';
import { DeleteRoleHandler } from './roles/delete-role.handler';
import { DeleteRolePolicyHandler } from './roles/delete-role-policy.handler';
import { ListRoleTagsHandler } from './roles/list-role-tags.handler';
import { TagRoleHandler } from './roles/tag-role.handler';
import { UntagRoleHandler } from './roles/untag-role.handler';
import { DetachRolePolicyHandler } from './roles/detach-role-policy.handler';
import { GetRoleHandler } from './roles/get-role.handler';
import { GetRolePermissionsHandler } from './roles/get-role-permissions.handler';
import { GetRolePolicyHandler } from './roles/get-role-policy.handler';
import { ListAttachedRolePoliciesHandler } from './roles/list-attached-role-policies.handler';
import { ListInstanceProfilesForRoleHandler } from './roles/list-instance-profiles-for-role.handler';
import { ListRolePoliciesHandler } from './roles/list-role-policies.handler';
import { ListRolesHandler } from './roles/list-roles.handler';
import { PutRolePolicyHandler } from './roles/put-role-policy.handler';
import { UpdateAssumeRolePolicyHandler } from './roles/update-assume-role-policy.handler';
import { UpdateRoleHandler } from './roles/update-role.handler';
import { CreateSAMLProviderHandler } from './saml-providers/create-saml-provider.handler';
import { DeleteSAMLProviderHandler } from './saml-providers/delete-saml-provider.handler';
import { GetSAMLProviderHandler } from './saml-providers/get-saml-provider.handler';
import { ListSAMLProvidersHandler } from './saml-providers/list-saml-providers.handler';
import { UpdateSAMLProviderHandler } from './saml-providers/update-saml-provider.handler';
import { TagSAMLProviderHandler } from './saml-providers/tag-saml-provider.handler';
import { UntagSAMLProviderHandler } from './saml-providers/untag-saml-provider.handler';
import { ListSAMLProviderTagsHandler } from './saml-providers/list-saml-provider-tags.handler';
import { AssumeRoleWithSAMLUseCase } from './sts/assume-role-with-saml.use-case';
import { AssumeRoleUseCase } from './sts/assume-role.use-case';
import { AssumeRoleWithWebIdentityUseCase } from './sts/assume-role-with-web-identity.use-case';
import { DecodeAuthorizationMessageUseCase } from './sts/decode-authorization-message.use-case';
import { GetAccessKeyInfoUseCase } from './sts/get-access-key-info.use-case';
import { GetFederationTokenUseCase } from './sts/get-federation-token.use-case';
import { GetSessionTokenUseCase } from './sts/get-session-token.use-case';
import { CreateUserHandler } from './users/create-user.handler';
import { GetUserHandler } from './users/get-user.handler';
import { ListUsersHandler } from './users/list-users.handler';
import { UpdateUserHandler } from './users/update-user.handler';
import { DeleteUserHandler } from './users/delete-user.handler';
import { CreateAccessKeyHandler } from './users/create-access-key.handler';
import { ListAccessKeysHandler } from './users/list-access-keys.handler';
import { UpdateAccessKeyHandler } from './users/update-access-key.handler';
import { DeleteAccessKeyHandler } from './users/delete-access-key.handler';
import { GetAccessKeyLastUsedHandler } from './users/get-access-key-last-used.handler';
import { PutUserPolicyHandler } from './users/put-user-policy.handler';
import { GetUserPolicyHandler } from './users/get-user-policy.handler';
import { ListUserPoliciesHandler } from './users/list-user-policies.handler';
import { DeleteUserPolicyHandler } from './users/delete-user-policy.handler';
import { AttachUserPolicyHandler } from './users/attach-user-policy.handler';
import { DetachUserPolicyHandler } from './users/detach-user-policy.handler';
import { ListAttachedUserPoliciesHandler } from './users/list-attached-user-policies.handler';
import { PutUserPermissionsBoundaryHandler } from './users/put-user-permissions-boundary.handler';
import { DeleteUserPermissionsBoundaryHandler } from './users/delete-user-permissions-boundary.handler';
import { GetAccessKeyPrincipalHandler } from './users/get-access-key-principal.handler';
import { RecordAccessKeyUseHandler } from './users/record-access-key-use.handler';
import { VerifyWebIdentityTokenUseCase } from './web-identity/verify-web-identity-token.use-case';
import { VerifySamlLoginUseCase } from './saml-providers/verify-saml-login.use-case';
import { CreateVirtualMFADeviceHandler } from './mfa/create-virtual-mfa-device.handler';
import { EnableMFADeviceHandler } from './mfa/enable-mfa-device.handler';
import { ResyncMFADeviceHandler } from './mfa/resync-mfa-device.handler';
import { DeactivateMFADeviceHandler } from './mfa/deactivate-mfa-device.handler';
import { DeleteVirtualMFADeviceHandler } from './mfa/delete-virtual-mfa-device.handler';
import { ListMFADevicesHandler } from './mfa/list-mfa-devices.handler';
import { ListVirtualMFADevicesHandler } from './mfa/list-virtual-mfa-devices.handler';
import { GetMFADeviceHandler } from './mfa/get-mfa-device.handler';
import {
  ListMFADeviceTagsHandler,
  TagMFADeviceHandler,
  UntagMFADeviceHandler,
} from './mfa/mfa-device-tags.handlers';

/** Credential vending's operation registry: each operation of its contracts and the class that serves it. */
// Roles' boundaries and the remaining role / OIDC provider updates (issue 13).
import {
  DeleteRolePermissionsBoundaryHandler,
  PutRolePermissionsBoundaryHandler,
} from './roles/role-permissions-boundary.handlers';
import { UpdateRoleDescriptionHandler } from './roles/update-role-description.handler';
import { UpdateOpenIDConnectProviderThumbprintHandler } from './oidc-providers/update-open-id-connect-provider-thumbprint.handler';
// The policy simulator (issue 13).
import { SimulateCustomPolicyHandler } from './simulation/simulate-custom-policy.handler';
import { SimulatePrincipalPolicyHandler } from './simulation/simulate-principal-policy.handler';
import {
  GetContextKeysForCustomPolicyHandler,
  GetContextKeysForPrincipalPolicyHandler,
} from './simulation/get-context-keys.handlers';
// IAM account settings, console passwords, account aliases (ADR 0084).
import {
  DeleteAccountPasswordPolicyHandler,
  GetAccountPasswordPolicyHandler,
  UpdateAccountPasswordPolicyHandler,
} from './account/password-policy.handlers';
import {
  CreateLoginProfileHandler,
  DeleteLoginProfileHandler,
  GetLoginProfileHandler,
  UpdateLoginProfileHandler,
} from './account/login-profile.handlers';
import { ChangePasswordHandler } from './account/change-password.handler';
import {
  CreateAccountAliasHandler,
  DeleteAccountAliasHandler,
  ListAccountAliasesHandler,
} from './account/account-alias.handlers';
import { GetAccountSummaryHandler } from './account/get-account-summary.handler';
import { GetAccountAuthorizationDetailsHandler } from './account/get-account-authorization-details.handler';
import {
  GenerateCredentialReportHandler,
  GetCredentialReportHandler,
} from './credential-reports/credential-report.handlers';
import { SetSecurityTokenServicePreferencesHandler } from './credential-reports/set-security-token-service-preferences.handler';

import { EnableOutboundWebIdentityFederationHandler } from './outbound-federation/enable-outbound-web-identity-federation.handler';
import { DisableOutboundWebIdentityFederationHandler } from './outbound-federation/disable-outbound-web-identity-federation.handler';
import { GetOutboundWebIdentityFederationInfoHandler } from './outbound-federation/get-outbound-web-identity-federation-info.handler';
import { GetOutboundIssuerJwksHandler } from './outbound-federation/get-outbound-issuer-jwks.handler';
import { GetWebIdentityTokenUseCase } from './outbound-federation/get-web-identity-token.use-case';
// IAM instance profiles (ADR 0085).
import { CreateInstanceProfileHandler } from './instance-profiles/create-instance-profile.handler';
import { GetInstanceProfileHandler } from './instance-profiles/get-instance-profile.handler';
import { DeleteInstanceProfileHandler } from './instance-profiles/delete-instance-profile.handler';
import { ListInstanceProfilesHandler } from './instance-profiles/list-instance-profiles.handler';
import { AddRoleToInstanceProfileHandler } from './instance-profiles/add-role-to-instance-profile.handler';
import { RemoveRoleFromInstanceProfileHandler } from './instance-profiles/remove-role-from-instance-profile.handler';
import {
  ListInstanceProfileTagsHandler,
  TagInstanceProfileHandler,
  UntagInstanceProfileHandler,
} from './instance-profiles/instance-profile-tags.handlers';

// IAM server certificates (ADR 0085).
import { UploadServerCertificateHandler } from './server-certificates/upload-server-certificate.handler';
import { GetServerCertificateHandler } from './server-certificates/get-server-certificate.handler';
import { ListServerCertificatesHandler } from './server-certificates/list-server-certificates.handler';
import { UpdateServerCertificateHandler } from './server-certificates/update-server-certificate.handler';
import { DeleteServerCertificateHandler } from './server-certificates/delete-server-certificate.handler';
import {
  ListServerCertificateTagsHandler,
  TagServerCertificateHandler,
  UntagServerCertificateHandler,
} from './server-certificates/server-certificate-tags.handlers';

// IAM users' signing certificates (ADR 0085).
import {
  DeleteSigningCertificateHandler,
  ListSigningCertificatesHandler,
  UpdateSigningCertificateHandler,
  UploadSigningCertificateHandler,
} from './signing-certificates/signing-certificate.handlers';

// IAM users' SSH public keys (ADR 0085).
import {
  DeleteSSHPublicKeyHandler,
  GetSSHPublicKeyHandler,
  ListSSHPublicKeysHandler,
  UpdateSSHPublicKeyHandler,
  UploadSSHPublicKeyHandler,
} from './ssh-public-keys/ssh-public-key.handlers';

// IAM service-specific credentials (ADR 0085).
import {
  CreateServiceSpecificCredentialHandler,
  DeleteServiceSpecificCredentialHandler,
  ListServiceSpecificCredentialsHandler,
  ResetServiceSpecificCredentialHandler,
  UpdateServiceSpecificCredentialHandler,
} from './service-credentials/service-credential.handlers';

export const credentialVendingOperations: OperationBinding[] = [
  serve(O.CreateRole, CreateRoleHandler),
  serve(O.GetRole, GetRoleHandler),
  serve(O.ListRoles, ListRolesHandler),
  serve(O.UpdateRole, UpdateRoleHandler),
  serve(O.UpdateAssumeRolePolicy, UpdateAssumeRolePolicyHandler),
  serve(O.DeleteRole, DeleteRoleHandler),
  serve(O.PutRolePolicy, PutRolePolicyHandler),
  serve(O.GetRolePolicy, GetRolePolicyHandler),
  serve(O.ListRolePolicies, ListRolePoliciesHandler),
  serve(O.DeleteRolePolicy, DeleteRolePolicyHandler),
  serve(O.TagRole, TagRoleHandler),
  serve(O.UntagRole, UntagRoleHandler),
  serve(O.ListRoleTags, ListRoleTagsHandler),
  serve(O.CreatePolicy, CreatePolicyHandler),
  serve(O.GetPolicy, GetPolicyHandler),
  serve(O.DeletePolicy, DeletePolicyHandler),
  serve(O.ListPolicies, ListPoliciesHandler),
  serve(O.CreatePolicyVersion, CreatePolicyVersionHandler),
  serve(O.GetPolicyVersion, GetPolicyVersionHandler),
  serve(O.ListPolicyVersions, ListPolicyVersionsHandler),
  serve(O.DeletePolicyVersion, DeletePolicyVersionHandler),
  serve(O.SetDefaultPolicyVersion, SetDefaultPolicyVersionHandler),
  serve(O.ListEntitiesForPolicy, ListEntitiesForPolicyHandler),
  serve(O.AttachRolePolicy, AttachRolePolicyHandler),
  serve(O.DetachRolePolicy, DetachRolePolicyHandler),
  serve(O.ListAttachedRolePolicies, ListAttachedRolePoliciesHandler),
  serve(O.ListInstanceProfilesForRole, ListInstanceProfilesForRoleHandler),
  serve(O.CreateUser, CreateUserHandler),
  serve(O.GetUser, GetUserHandler),
  serve(O.ListUsers, ListUsersHandler),
  serve(O.UpdateUser, UpdateUserHandler),
  serve(O.DeleteUser, DeleteUserHandler),
  serve(O.CreateAccessKey, CreateAccessKeyHandler),
  serve(O.ListAccessKeys, ListAccessKeysHandler),
  serve(O.UpdateAccessKey, UpdateAccessKeyHandler),
  serve(O.DeleteAccessKey, DeleteAccessKeyHandler),
  serve(O.GetAccessKeyLastUsed, GetAccessKeyLastUsedHandler),
  serve(O.PutUserPolicy, PutUserPolicyHandler),
  serve(O.GetUserPolicy, GetUserPolicyHandler),
  serve(O.ListUserPolicies, ListUserPoliciesHandler),
  serve(O.DeleteUserPolicy, DeleteUserPolicyHandler),
  serve(O.AttachUserPolicy, AttachUserPolicyHandler),
  serve(O.DetachUserPolicy, DetachUserPolicyHandler),
  serve(O.ListAttachedUserPolicies, ListAttachedUserPoliciesHandler),
  serve(O.PutUserPermissionsBoundary, PutUserPermissionsBoundaryHandler),
  serve(O.DeleteUserPermissionsBoundary, DeleteUserPermissionsBoundaryHandler),
  serve(O.CreateOpenIDConnectProvider, CreateOpenIDConnectProviderHandler),
  serve(O.GetOpenIDConnectProvider, GetOpenIDConnectProviderHandler),
  serve(O.ListOpenIDConnectProviders, ListOpenIDConnectProvidersHandler),
  serve(O.DeleteOpenIDConnectProvider, DeleteOpenIDConnectProviderHandler),
  serve(O.AddClientIDToOpenIDConnectProvider, AddClientIDToOpenIDConnectProviderHandler),
  serve(O.RemoveClientIDFromOpenIDConnectProvider, RemoveClientIDFromOpenIDConnectProviderHandler),
  serve(O.RevokeRoleSessions, RevokeRoleSessionsHandler),
  serve(O.AssumeRoleWithWebIdentity, AssumeRoleWithWebIdentityUseCase),
  serve(O.AssumeRole, AssumeRoleUseCase),
  serve(O.GetSessionToken, GetSessionTokenUseCase),
  serve(O.GetFederationToken, GetFederationTokenUseCase),
  serve(O.GetAccessKeyInfo, GetAccessKeyInfoUseCase),
  serve(O.DecodeAuthorizationMessage, DecodeAuthorizationMessageUseCase),
  serve(O.GetRolePermissions, GetRolePermissionsHandler),
  serve(O.GetAccessKeyPrincipal, GetAccessKeyPrincipalHandler),
  serve(O.RecordAccessKeyUse, RecordAccessKeyUseHandler),
  serve(O.ListRevocations, ListRevocationsHandler),
  serve(O.ClaimGrpcCallIds, ClaimGrpcCallIdsUseCase),
  serve(WebIdentityOperations.VerifyWebIdentityToken, VerifyWebIdentityTokenUseCase),
  serve(WebIdentityOperations.VerifySamlLogin, VerifySamlLoginUseCase),
  serve(O.CreateSAMLProvider, CreateSAMLProviderHandler),
  serve(O.GetSAMLProvider, GetSAMLProviderHandler),
  serve(O.ListSAMLProviders, ListSAMLProvidersHandler),
  serve(O.UpdateSAMLProvider, UpdateSAMLProviderHandler),
  serve(O.DeleteSAMLProvider, DeleteSAMLProviderHandler),
  serve(O.TagSAMLProvider, TagSAMLProviderHandler),
  serve(O.UntagSAMLProvider, UntagSAMLProviderHandler),
  serve(O.ListSAMLProviderTags, ListSAMLProviderTagsHandler),
  serve(O.AssumeRoleWithSAML, AssumeRoleWithSAMLUseCase),
  serve(O.CreateGroup, CreateGroupHandler),
  serve(O.GetGroup, GetGroupHandler),
  serve(O.ListGroups, ListGroupsHandler),
  serve(O.UpdateGroup, UpdateGroupHandler),
  serve(O.DeleteGroup, DeleteGroupHandler),
  serve(O.AddUserToGroup, AddUserToGroupHandler),
  serve(O.RemoveUserFromGroup, RemoveUserFromGroupHandler),
  serve(O.ListGroupsForUser, ListGroupsForUserHandler),
  serve(O.PutGroupPolicy, PutGroupPolicyHandler),
  serve(O.GetGroupPolicy, GetGroupPolicyHandler),
  serve(O.DeleteGroupPolicy, DeleteGroupPolicyHandler),
  serve(O.ListGroupPolicies, ListGroupPoliciesHandler),
  serve(O.AttachGroupPolicy, AttachGroupPolicyHandler),
  serve(O.DetachGroupPolicy, DetachGroupPolicyHandler),
  serve(O.ListAttachedGroupPolicies, ListAttachedGroupPoliciesHandler),
  serve(O.TagUser, TagUserHandler),
  serve(O.UntagUser, UntagUserHandler),
  serve(O.ListUserTags, ListUserTagsHandler),
  serve(O.TagPolicy, TagPolicyHandler),
  serve(O.UntagPolicy, UntagPolicyHandler),
  serve(O.ListPolicyTags, ListPolicyTagsHandler),
  serve(O.TagOpenIDConnectProvider, TagOpenIDConnectProviderHandler),
  serve(O.UntagOpenIDConnectProvider, UntagOpenIDConnectProviderHandler),
  serve(O.ListOpenIDConnectProviderTags, ListOpenIDConnectProviderTagsHandler),
  // IAM virtual MFA devices (ADR 0072).
  serve(O.CreateVirtualMFADevice, CreateVirtualMFADeviceHandler),
  serve(O.EnableMFADevice, EnableMFADeviceHandler),
  serve(O.ResyncMFADevice, ResyncMFADeviceHandler),
  serve(O.DeactivateMFADevice, DeactivateMFADeviceHandler),
  serve(O.DeleteVirtualMFADevice, DeleteVirtualMFADeviceHandler),
  serve(O.ListMFADevices, ListMFADevicesHandler),
  serve(O.ListVirtualMFADevices, ListVirtualMFADevicesHandler),
  serve(O.GetMFADevice, GetMFADeviceHandler),
  serve(O.TagMFADevice, TagMFADeviceHandler),
  serve(O.UntagMFADevice, UntagMFADeviceHandler),
  serve(O.ListMFADeviceTags, ListMFADeviceTagsHandler),
  // The policy simulator (issue 13).
  serve(O.SimulateCustomPolicy, SimulateCustomPolicyHandler),
  serve(O.SimulatePrincipalPolicy, SimulatePrincipalPolicyHandler),
  serve(O.GetContextKeysForCustomPolicy, GetContextKeysForCustomPolicyHandler),
  serve(O.GetContextKeysForPrincipalPolicy, GetContextKeysForPrincipalPolicyHandler),
  // Roles' boundaries and the remaining role / OIDC provider updates (issue 13).
  serve(O.PutRolePermissionsBoundary, PutRolePermissionsBoundaryHandler),
  serve(O.DeleteRolePermissionsBoundary, DeleteRolePermissionsBoundaryHandler),
  serve(O.UpdateRoleDescription, UpdateRoleDescriptionHandler),
  serve(O.UpdateOpenIDConnectProviderThumbprint, UpdateOpenIDConnectProviderThumbprintHandler),
  // Outbound identity federation (ADR 0086).
  serve(O.EnableOutboundWebIdentityFederation, EnableOutboundWebIdentityFederationHandler),
  serve(O.DisableOutboundWebIdentityFederation, DisableOutboundWebIdentityFederationHandler),
  serve(O.GetOutboundWebIdentityFederationInfo, GetOutboundWebIdentityFederationInfoHandler),
  serve(O.GetWebIdentityToken, GetWebIdentityTokenUseCase),
  serve(O.GetOutboundIssuerJwks, GetOutboundIssuerJwksHandler),
  // IAM account settings, console passwords, account aliases (ADR 0084).
  serve(O.GetAccountPasswordPolicy, GetAccountPasswordPolicyHandler),
  serve(O.UpdateAccountPasswordPolicy, UpdateAccountPasswordPolicyHandler),
  serve(O.DeleteAccountPasswordPolicy, DeleteAccountPasswordPolicyHandler),
  serve(O.CreateLoginProfile, CreateLoginProfileHandler),
  serve(O.GetLoginProfile, GetLoginProfileHandler),
  serve(O.UpdateLoginProfile, UpdateLoginProfileHandler),
  serve(O.DeleteLoginProfile, DeleteLoginProfileHandler),
  serve(O.ChangePassword, ChangePasswordHandler),
  serve(O.CreateAccountAlias, CreateAccountAliasHandler),
  serve(O.DeleteAccountAlias, DeleteAccountAliasHandler),
  serve(O.ListAccountAliases, ListAccountAliasesHandler),
  serve(O.GetAccountSummary, GetAccountSummaryHandler),
  serve(O.GetAccountAuthorizationDetails, GetAccountAuthorizationDetailsHandler),
  // IAM credential reports (ADR 0093).
  serve(O.GenerateCredentialReport, GenerateCredentialReportHandler),
  serve(O.GetCredentialReport, GetCredentialReportHandler),
  serve(O.SetSecurityTokenServicePreferences, SetSecurityTokenServicePreferencesHandler),
  // IAM instance profiles (ADR 0085).
  serve(O.CreateInstanceProfile, CreateInstanceProfileHandler),
  serve(O.GetInstanceProfile, GetInstanceProfileHandler),
  serve(O.DeleteInstanceProfile, DeleteInstanceProfileHandler),
  serve(O.ListInstanceProfiles, ListInstanceProfilesHandler),
  serve(O.AddRoleToInstanceProfile, AddRoleToInstanceProfileHandler),
  serve(O.RemoveRoleFromInstanceProfile, RemoveRoleFromInstanceProfileHandler),
  serve(O.TagInstanceProfile, TagInstanceProfileHandler),
  serve(O.UntagInstanceProfile, UntagInstanceProfileHandler),
  serve(O.ListInstanceProfileTags, ListInstanceProfileTagsHandler),
  // IAM server certificates (ADR 0085).
  serve(O.UploadServerCertificate, UploadServerCertificateHandler),
  serve(O.GetServerCertificate, GetServerCertificateHandler),
  serve(O.ListServerCertificates, ListServerCertificatesHandler),
  serve(O.UpdateServerCertificate, UpdateServerCertificateHandler),
  serve(O.DeleteServerCertificate, DeleteServerCertificateHandler),
  serve(O.TagServerCertificate, TagServerCertificateHandler),
  serve(O.UntagServerCertificate, UntagServerCertificateHandler),
  serve(O.ListServerCertificateTags, ListServerCertificateTagsHandler),
  // IAM users' signing certificates (ADR 0085).
  serve(O.UploadSigningCertificate, UploadSigningCertificateHandler),
  serve(O.ListSigningCertificates, ListSigningCertificatesHandler),
  serve(O.UpdateSigningCertificate, UpdateSigningCertificateHandler),
  serve(O.DeleteSigningCertificate, DeleteSigningCertificateHandler),
  // IAM users' SSH public keys (ADR 0085).
  serve(O.UploadSSHPublicKey, UploadSSHPublicKeyHandler),
  serve(O.GetSSHPublicKey, GetSSHPublicKeyHandler),
  serve(O.ListSSHPublicKeys, ListSSHPublicKeysHandler),
  serve(O.UpdateSSHPublicKey, UpdateSSHPublicKeyHandler),
  serve(O.DeleteSSHPublicKey, DeleteSSHPublicKeyHandler),
  // IAM service-specific credentials (ADR 0085).
  serve(O.CreateServiceSpecificCredential, CreateServiceSpecificCredentialHandler),
  serve(O.ListServiceSpecificCredentials, ListServiceSpecificCredentialsHandler),
  serve(O.ResetServiceSpecificCredential, ResetServiceSpecificCredentialHandler),
  serve(O.UpdateServiceSpecificCredential, UpdateServiceSpecificCredentialHandler),
  serve(O.DeleteServiceSpecificCredential, DeleteServiceSpecificCredentialHandler),
];
