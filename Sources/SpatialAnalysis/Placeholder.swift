public enum SpatialAnalysisPlaceholder {}
