/** The typed admin services' packages (ADR 0052) and the AWS API each serves. */
const TYPED_ADMIN_APIS: Readonly<Record<string, string>> = {
  cognitoidp: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  iam: 'iam',
};

/** The IAM actions a gRPC call is decided on (ADR 0065). */
export interface GrpcCallActions {
  /**
   * The call's own action: `idfed-<package>:<Method>` for idfed's services (`idfed-tokens:VerifyToken`,
   * `idfed-userdirectory:GetUser`, `idfed-admin:Invoke`), the AWS action `<api>:<Operation>` for
   * the typed admin services (`iam:GetUser`, `cognito-idp:AdminGetUser`).
   */
  action: string;
  /**
   * The name used before ADR 0065, `idfed:<Method>`, still honoured for idfed's own services (their
   * method names are distinct, a spec holds it) so existing policies keep working; undefined for
   * the typed admin services, where it was ambiguous (`idfed:GetUser` named two methods).
   */
  legacy?: string;
  /** Admin.Invoke or a typed admin call: an AWS operation, decided for an IAM user by its own action and resource. */
  runsAwsOperation: boolean;
}

const IDFED_PATH = /^\/idfed\.([a-z]+)\.v\d+\.\w+\/(\w+)$/;
const TYPED_ADMIN_PATH = /^\/idfed\.admin\.([a-z]+)\.v\d+\.\w+\/(\w+)$/;

/** The actions of a call by its method path, `/idfed.tokens.v1.Tokens/VerifyToken`. */
export function grpcCallActions(path: string): GrpcCallActions {
  const typed = TYPED_ADMIN_PATH.exec(path);
  const api = typed ? TYPED_ADMIN_APIS[typed[1]] : undefined;
  if (typed && api) return { action: `${api}:${typed[2]}`, runsAwsOperation: true };
  const method = path.slice(path.lastIndexOf('/') + 1);
  const own = IDFED_PATH.exec(path);
  if (!own) return { action: `idfed:${method}`, runsAwsOperation: false };
  return {
    action: `idfed-${own[1]}:${method}`,
    legacy: `idfed:${method}`,
    runsAwsOperation: own[1] === 'admin' && method === 'Invoke',
  };
}
