export { cloudFormationTemplate, cloudFormationTemplateJson, parameterNames, stackParameterValues } from "./cloudformation";
export { quickCreateUrl } from "./quick-create-url";
export { stackSetInstructions, stackSetTemplate } from "./stack-set";
export { defaultRegion, defaultRoleName, type TemplateParams } from "./template-params";
export { terraformSnippet } from "./terraform";
