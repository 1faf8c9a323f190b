import { SimError } from "./errors";

export type ProtocolName = "aws-query" | "aws-json-1.0" | "aws-json-1.1" | "rest-json";

type ErrorSpec = readonly [code: string, status: number];

/** What a service calls its common failures: each AWS service names them a little differently. */
export interface ServiceErrors {
  throttling: ErrorSpec;
  serverError: ErrorSpec;
  unavailable: ErrorSpec;
  accessDenied: ErrorSpec;
  expiredToken: ErrorSpec;
  unknownKey: ErrorSpec;
  missingAuth: ErrorSpec;
  badSignature: ErrorSpec;
}

export interface ServiceInfo {
  /** SigV4 signing name, the key the router uses. */
  signingName: string;
  /** Prefix of IAM actions ("cloudwatch:DescribeAlarms"), which differs from the signing name for CloudWatch. */
  iamPrefix: string;
  protocol: ProtocolName;
  /** Last part of X-Amz-Target before the operation, for recognising unsigned requests. */
  targetPrefix?: string;
  errors: ServiceErrors;
}

const queryErrors: ServiceErrors = {
  throttling: ["Throttling", 400],
  serverError: ["InternalFailure", 500],
  unavailable: ["ServiceUnavailable", 503],
  accessDenied: ["AccessDenied", 403],
  expiredToken: ["ExpiredToken", 403],
  unknownKey: ["InvalidClientTokenId", 403],
  missingAuth: ["MissingAuthenticationToken", 403],
  badSignature: ["SignatureDoesNotMatch", 403],
};

const jsonErrors: ServiceErrors = {
  throttling: ["ThrottlingException", 400],
  serverError: ["InternalFailure", 500],
  unavailable: ["ServiceUnavailable", 503],
  accessDenied: ["AccessDeniedException", 400],
  expiredToken: ["ExpiredTokenException", 400],
  unknownKey: ["UnrecognizedClientException", 400],
  missingAuth: ["MissingAuthenticationTokenException", 400],
  badSignature: ["InvalidSignatureException", 400],
};

const restErrors: ServiceErrors = {
  throttling: ["ThrottlingException", 429],
  serverError: ["InternalFailure", 500],
  unavailable: ["ServiceUnavailable", 503],
  accessDenied: ["AccessDeniedException", 403],
  expiredToken: ["ExpiredTokenException", 403],
  unknownKey: ["UnrecognizedClientException", 403],
  missingAuth: ["MissingAuthenticationTokenException", 403],
  badSignature: ["InvalidSignatureException", 403],
};

export const SERVICES = {
  sts: { signingName: "sts", iamPrefix: "sts", protocol: "aws-query", errors: queryErrors },
  organizations: {
    signingName: "organizations",
    iamPrefix: "organizations",
    protocol: "aws-json-1.1",
    targetPrefix: "AWSOrganizationsV20161128",
    errors: { ...jsonErrors, throttling: ["TooManyRequestsException", 400], serverError: ["ServiceException", 500] },
  },
  ce: {
    signingName: "ce",
    iamPrefix: "ce",
    protocol: "aws-json-1.1",
    targetPrefix: "AWSInsightsIndexService",
    errors: { ...jsonErrors, throttling: ["LimitExceededException", 400] },
  },
  pricing: {
    signingName: "pricing",
    iamPrefix: "pricing",
    protocol: "aws-json-1.1",
    targetPrefix: "AWSPriceListService",
    errors: {
      ...jsonErrors,
      serverError: ["InternalErrorException", 500],
      unavailable: ["ServiceUnavailableException", 503],
    },
  },
  cloudtrail: {
    signingName: "cloudtrail",
    iamPrefix: "cloudtrail",
    protocol: "aws-json-1.1",
    targetPrefix: "CloudTrail_20131101",
    errors: jsonErrors,
  },
  ecr: {
    signingName: "ecr",
    iamPrefix: "ecr",
    protocol: "aws-json-1.1",
    targetPrefix: "AmazonEC2ContainerRegistry_V20150921",
    errors: { ...jsonErrors, serverError: ["ServerException", 500] },
  },
  codedeploy: {
    signingName: "codedeploy",
    iamPrefix: "codedeploy",
    protocol: "aws-json-1.1",
    targetPrefix: "CodeDeploy_20141006",
    errors: jsonErrors,
  },
  monitoring: {
    signingName: "monitoring",
    iamPrefix: "cloudwatch",
    protocol: "aws-json-1.0",
    targetPrefix: "GraniteServiceVersion20100801",
    // CloudWatch's JSON protocol is "query compatible": the codes are the old awsQuery ones.
    errors: { ...queryErrors, accessDenied: ["AccessDenied", 403] },
  },
  inspector2: {
    signingName: "inspector2",
    iamPrefix: "inspector2",
    protocol: "rest-json",
    errors: { ...restErrors, serverError: ["InternalServerException", 500] },
  },
  fis: { signingName: "fis", iamPrefix: "fis", protocol: "rest-json", errors: restErrors },
  ssmIncidents: {
    signingName: "ssm-incidents",
    iamPrefix: "ssm-incidents",
    protocol: "rest-json",
    errors: { ...restErrors, serverError: ["InternalServerException", 500] },
  },
  xray: {
    signingName: "xray",
    iamPrefix: "xray",
    protocol: "rest-json",
    errors: { ...restErrors, throttling: ["ThrottledException", 429] },
  },
  eks: {
    signingName: "eks",
    iamPrefix: "eks",
    protocol: "rest-json",
    errors: { ...restErrors, serverError: ["ServerException", 500], unavailable: ["ServiceUnavailableException", 503] },
  },
} satisfies Record<string, ServiceInfo>;

export function findService(name: string): ServiceInfo | undefined {
  const lower = name.toLowerCase();
  return Object.values(SERVICES as Record<string, ServiceInfo>).find((s) => s.signingName === lower || s.iamPrefix === lower);
}

export function serviceError(service: ServiceInfo, kind: keyof ServiceErrors, message: string): SimError {
  const [code, status] = service.errors[kind];
  return new SimError(code, message, status);
}
