import { SERVICES } from "../catalog";
import { awsJsonProtocol } from "../protocols/aws-json";
import { getCostAndUsage, getDimensionValues } from "./cost-and-usage";
import {
  getReservationCoverage,
  getReservationUtilization,
  getSavingsPlansCoverage,
  getSavingsPlansUtilization,
} from "./cost-commitments";
import { getSavingsPlansPurchaseRecommendation, getSavingsPlansUtilizationDetails } from "./cost-savings-plans";
import type { ServiceImpl } from "./types";

export const costExplorerService: ServiceImpl = {
  info: SERVICES.ce,
  protocol: awsJsonProtocol("1.1"),
  operations: {
    GetCostAndUsage: getCostAndUsage,
    GetDimensionValues: getDimensionValues,
    GetReservationUtilization: getReservationUtilization,
    GetReservationCoverage: getReservationCoverage,
    GetSavingsPlansUtilization: getSavingsPlansUtilization,
    GetSavingsPlansCoverage: getSavingsPlansCoverage,
    GetSavingsPlansUtilizationDetails: getSavingsPlansUtilizationDetails,
    GetSavingsPlansPurchaseRecommendation: getSavingsPlansPurchaseRecommendation,
  },
};
