// SKELETON: the registration/CLI helper owns this project.
return 0;
