package vn.ttdn.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ttdn.directory.DirectoryService;

/** What every page's layout needs to know about who is signed in. */
@Configuration
class PageModelConfiguration implements WebMvcConfigurer {

    private final DirectoryService directory;

    PageModelConfiguration(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignedInPersonInterceptor(directory));
    }
}
