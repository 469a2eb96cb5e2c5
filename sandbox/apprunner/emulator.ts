// The App Runner emulator: decodes an awsJson1_0 call, validates it against botocore's model, runs the
// operation and encodes the answer or the documented error.
import { randomUUID } from 'node:crypto';
import { createVpcConnector, deleteVpcConnector, describeVpcConnector, listVpcConnectors } from './connectors';
import type { EmulatorContext } from './context';
import { AppRunnerError, invalidRequest } from './errors';
import { parseJsonObjectBody } from '../jsonBody';
import {
  createVpcIngressConnection,
  deleteVpcIngressConnection,
  describeVpcIngressConnection,
  listVpcIngressConnections,
  updateVpcIngressConnection,
} from './ingressConnections';
import { validateShape, type ServiceModel } from './model';
import { listOperations, pauseService, resumeService, startDeployment, updateService } from './serviceChanges';
import { createService, deleteService, describeService, listServices } from './services';
import type { Json } from './store';
import { listTagsForResource, tagResource, untagResource } from './tags';

type Handler = (ctx: EmulatorContext, region: string, input: Json) => Promise<Json>;

const HANDLERS: Record<string, Handler> = {
  CreateService: createService,
  DescribeService: describeService,
  ListServices: listServices,
  UpdateService: updateService,
  DeleteService: deleteService,
  PauseService: pauseService,
  ResumeService: resumeService,
  StartDeployment: startDeployment,
  ListOperations: listOperations,
  CreateVpcConnector: createVpcConnector,
  DescribeVpcConnector: describeVpcConnector,
  ListVpcConnectors: listVpcConnectors,
  DeleteVpcConnector: deleteVpcConnector,
  CreateVpcIngressConnection: createVpcIngressConnection,
  DescribeVpcIngressConnection: describeVpcIngressConnection,
  ListVpcIngressConnections: listVpcIngressConnections,
  UpdateVpcIngressConnection: updateVpcIngressConnection,
  DeleteVpcIngressConnection: deleteVpcIngressConnection,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

export const IMPLEMENTED_OPERATIONS = Object.keys(HANDLERS);

export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonError(code: string, message: string, status: number): JsonReply {
  return {
    status,
    headers: { 'x-amzn-ErrorType': code },
    body: JSON.stringify({ __type: code, Message: message }),
  };
}

export class AppRunnerEmulator {
  constructor(
    readonly ctx: EmulatorContext,
    private readonly model: ServiceModel,
  ) {}

  async handle(operation: string, bodyText: string, region: string): Promise<JsonReply> {
    const handler = HANDLERS[operation];
    const opModel = this.model.operations[operation];
    if (!handler || !opModel) return jsonError('UnknownOperationException', `Unknown operation ${operation}`, 400);
    try {
      const input = parseBody(bodyText);
      const issues = opModel.input
        ? validateShape(this.model, opModel.input.shape, input, operation, { rejectUnknownMembers: false })
        : [];
      if (issues.length > 0) {
        throw invalidRequest(
          `${issues.length} validation error${issues.length > 1 ? 's' : ''} detected: ${issues.join('; ')}`,
        );
      }
      const output = await handler(this.ctx, region, input);
      return { status: 200, headers: {}, body: JSON.stringify(output) };
    } catch (e) {
      if (e instanceof AppRunnerError) return jsonError(e.code, e.message, e.status);
      const detail = e instanceof Error ? e.message : String(e);
      return jsonError('InternalServiceErrorException', `An unexpected error occurred (${detail}).`, 500);
    }
  }
}

function parseBody(text: string): Json {
  return parseJsonObjectBody(text, invalidRequest);
}

export function requestId(): string {
  return randomUUID();
}
