DELETE FROM story_clusters;
